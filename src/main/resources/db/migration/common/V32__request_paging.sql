-- Pages of requests, newest first: everyone's (administrators), one requester's, or those of some statuses.
create index token_request_submitted on token_request (submitted_at, id);
create index token_request_requester_submitted on token_request (requester, submitted_at, id);
create index token_request_status_submitted on token_request (status, submitted_at, id);

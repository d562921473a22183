package org.tokengov.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tokengov.requeststate.PageAsked;
import org.tokengov.requeststate.RequestProgressPage;
import org.tokengov.requeststate.RequestProgresses;

/**
 * {@code GET /requests}: the signed-in person's token requests (an administrator's: everyone's), each with its number,
 * state in words, the reason it ended, who must act now and the deadline: what {@code GET /api/requests} answers, for
 * people, one page of {@value PageAsked#DEFAULT_SIZE} at a time ({@code ?page=}, from 0), with
 * links to the next and previous pages; a page number that is none gives 400 with the reason. Same login as the dashboard and Tasklist; a visitor without one is sent to Camunda's login page. Not cached.
 */
@Controller
class RequestsPageController {

    private final Viewers viewers;
    private final RequestProgresses progresses;
    private final WebappLinks links;

    RequestsPageController(Viewers viewers, RequestProgresses progresses, WebappLinks links) {
        this.viewers = viewers;
        this.progresses = progresses;
        this.links = links;
    }

    @GetMapping({"/requests", "/requests/"})
    String page(HttpServletRequest request, HttpServletResponse response, Model model,
            @RequestParam(required = false) String page) {
        Optional<Viewer> viewer = viewers.current(request);
        if (viewer.isEmpty()) {
            return "redirect:" + links.loginPage();
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        model.addAttribute("viewer", viewer.get());
        model.addAttribute("tasklist", links.tasklist());
        PageAsked asked;
        try {
            asked = PageAsked.parse(page, null);
        } catch (PageAsked.Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("requests", List.of());
            return "dashboard/requests";
        }
        RequestProgressPage found = progresses.visibleTo(viewer.get().username(), viewer.get().admin(), Optional.empty(),
                asked.page(), asked.size());
        model.addAttribute("requests", found.requests().stream().map(RequestRow::of).toList());
        model.addAttribute("found", found);
        return "dashboard/requests";
    }
}

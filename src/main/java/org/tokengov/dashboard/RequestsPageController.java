package org.tokengov.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tokengov.requeststate.RequestProgresses;

/**
 * {@code GET /requests}: the signed-in person's token requests (an administrator's: everyone's), each with its number,
 * state in words, the reason it ended, who must act now and the deadline: what {@code GET /api/requests} answers, for
 * people. Same login as the dashboard and Tasklist; a visitor without one is sent to Camunda's login page. Not cached.
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
    String page(HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<Viewer> viewer = viewers.current(request);
        if (viewer.isEmpty()) {
            return "redirect:" + links.loginPage();
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        model.addAttribute("viewer", viewer.get());
        model.addAttribute("tasklist", links.tasklist());
        model.addAttribute("requests", progresses.visibleTo(viewer.get().username(), viewer.get().admin(), Optional.empty())
                .stream().map(RequestRow::of).toList());
        return "dashboard/requests";
    }
}

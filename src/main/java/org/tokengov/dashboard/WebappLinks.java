package org.tokengov.dashboard;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.stereotype.Component;

/** Where the pages send people: Camunda's login (the welcome app) and Tasklist, under the webapps' path. */
@Component
class WebappLinks {

    private final String loginPage;
    private final String tasklist;

    WebappLinks(CamundaBpmProperties camunda, ProcessEngine engine) {
        String webapps = camunda.getWebapp().getApplicationPath();
        // The welcome app is the webapps' login page; with the keycloak profile Spring Security sends the visitor on to Keycloak.
        this.loginPage = webapps + "/app/welcome/" + engine.getName() + "/";
        this.tasklist = webapps + "/app/tasklist/" + engine.getName() + "/";
    }

    String loginPage() {
        return loginPage;
    }

    String tasklist() {
        return tasklist;
    }
}

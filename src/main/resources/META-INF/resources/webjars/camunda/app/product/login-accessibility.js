// Camunda's login page made usable with the keyboard and a screen reader (axe-core's serious findings,
// AccessibilityBrowserIT): its form fields carry tabindex 1 to 3, which puts them before everything else on the page
// (they come first in the page's order anyway), and the header's application menu is a link with an icon only.
const APPS = ['welcome', 'tasklist', 'cockpit', 'admin'];

// The form is another plugin of the same point and the header another directive: fix them once they are there.
function whenPresent(selector, fix) {
  const fixAll = () => document.querySelectorAll(selector).forEach(fix);
  fixAll();
  const observer = new MutationObserver(fixAll);
  observer.observe(document.body, {childList: true, subtree: true});
  setTimeout(() => observer.disconnect(), 10000);
}

export default APPS.map((app) => ({
  id: 'tokengov.login-accessibility',
  pluginPoint: `${app}.login`,
  priority: -100,
  render: () => {
    whenPresent('form[name=signinForm] [tabindex]', (field) => field.removeAttribute('tabindex'));
    whenPresent('.app-switch > .dropdown-toggle:not([aria-label])',
      (toggle) => toggle.setAttribute('aria-label', 'Applications'));
  }
}));

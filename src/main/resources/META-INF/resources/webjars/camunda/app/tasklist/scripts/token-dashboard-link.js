// Tasklist header links to the app's own pages, which share Tasklist's login: the token dashboard (/dashboard) and
// the signed-in person's token requests (/requests).
const PAGES = [
  {href: '/dashboard', className: 'token-dashboard-link', text: 'Token dashboard'},
  {href: '/requests', className: 'token-requests-link', text: 'My token requests'}
];

export default {
  id: 'tokengov.token-dashboard-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 50,
  render: (node) => {
    PAGES.forEach((page) => {
      const link = document.createElement('a');
      link.href = page.href;
      link.className = page.className;
      link.textContent = page.text;
      link.style.marginLeft = '12px';
      node.appendChild(link);
    });
  }
};

// Shows Tasklist's "Create task" only to whom the engine lets create tasks (Camunda administrators): Camunda answers
// OPTIONS on its task resource with a "create" link exactly then. Everyone else never sees the button (product.css
// hides it), and the engine refuses the call anyway.
function engineTaskResource() {
  const base = document.querySelector('base');
  const engine = base.getAttribute('href').split('/').filter(Boolean).pop();
  return `${base.getAttribute('engine-api')}engine/${engine}/task`;
}

export default {
  id: 'tokengov.create-task-for-admins',
  pluginPoint: 'tasklist.navbar.action',
  priority: 0,
  render: () => {
    fetch(engineTaskResource(), {method: 'OPTIONS', credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then((response) => (response.ok ? response.json() : {links: []}))
      .then((options) => {
        const mayCreate = (options.links || []).some((link) => link.rel === 'create');
        document.body.classList.toggle('tokengov-may-create-tasks', mayCreate);
      })
      .catch(() => document.body.classList.remove('tokengov-may-create-tasks'));
  }
};

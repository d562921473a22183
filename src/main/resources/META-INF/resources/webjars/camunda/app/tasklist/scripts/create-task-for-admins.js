// Shows Tasklist's "Create task" only to whom the engine lets create tasks (Camunda administrators), as the engine's
// authorization check answers for the logged-in user. Everyone else never sees the button (product.css hides it),
// and the engine refuses the call anyway.
const TASK_RESOURCE_TYPE = 7; // org.camunda.bpm.engine.authorization.Resources.TASK

function taskCreationCheck() {
  const base = document.querySelector('base');
  const engine = base.getAttribute('href').split('/').filter(Boolean).pop();
  return `${base.getAttribute('engine-api')}engine/${engine}/authorization/check`
    + `?permissionName=CREATE&resourceName=Task&resourceType=${TASK_RESOURCE_TYPE}`;
}

export default {
  id: 'tokengov.create-task-for-admins',
  pluginPoint: 'tasklist.navbar.action',
  priority: 0,
  render: () => {
    fetch(taskCreationCheck(), {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then((response) => (response.ok ? response.json() : {authorized: false}))
      .then((check) => document.body.classList.toggle('tokengov-may-create-tasks', check.authorized === true))
      .catch(() => document.body.classList.remove('tokengov-may-create-tasks'));
  }
};

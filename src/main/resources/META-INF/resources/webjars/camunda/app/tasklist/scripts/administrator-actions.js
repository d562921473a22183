// Shows Tasklist's "Create task" and the filters' edit buttons only to whom the engine lets create tasks and filters
// (Camunda administrators), as the engine's authorization check answers for the logged-in user. Everyone else never
// sees them (product.css hides them), and the engine refuses the calls anyway.
import {engineName} from '../../product/product.js';

// Resource types of org.camunda.bpm.engine.authorization.Resources, and the class each marks the page with.
const ACTIONS = [
  {resourceName: 'Task', resourceType: 7, mark: 'tokengov-may-create-tasks'},
  {resourceName: 'Filter', resourceType: 5, mark: 'tokengov-may-edit-filters'}
];

function creationCheck(action) {
  const engineApi = document.querySelector('base').getAttribute('engine-api');
  return `${engineApi}engine/${engineName()}/authorization/check`
    + `?permissionName=CREATE&resourceName=${action.resourceName}&resourceType=${action.resourceType}`;
}

export default {
  id: 'tokengov.administrator-actions',
  pluginPoint: 'tasklist.navbar.action',
  priority: 0,
  render: () => {
    ACTIONS.forEach((action) => {
      fetch(creationCheck(action), {credentials: 'same-origin', headers: {Accept: 'application/json'}})
        .then((response) => (response.ok ? response.json() : {authorized: false}))
        .then((check) => document.body.classList.toggle(action.mark, check.authorized === true))
        .catch(() => document.body.classList.remove(action.mark));
    });
  }
};

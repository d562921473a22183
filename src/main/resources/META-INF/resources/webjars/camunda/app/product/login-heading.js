// The product's name and purpose above the login form of each webapp (Camunda's "<app>.login" plugin point; the form
// itself is the plugin of priority 0, so this one, of higher priority, stands above it).
import {PRODUCT_NAME} from './product.js';

const APPS = ['welcome', 'tasklist', 'cockpit', 'admin'];

export default APPS.map((app) => ({
  id: 'tokengov.product-heading',
  pluginPoint: `${app}.login`,
  priority: 100,
  render: (node) => {
    const heading = document.createElement('h1');
    heading.className = 'tokengov-product';
    heading.textContent = PRODUCT_NAME;
    const purpose = document.createElement('p');
    purpose.className = 'tokengov-product-purpose';
    purpose.textContent = 'Request, review and renew API tokens for REDCap projects.';
    node.appendChild(heading);
    node.appendChild(purpose);
  }
}));

// Sanlian's Welcome: the language and the rest that all four webapps share come from ../../sanlian/webapp-config.js.
import {webappConfig} from '../../sanlian/webapp-config.js';

export default webappConfig('首页', 'Welcome');

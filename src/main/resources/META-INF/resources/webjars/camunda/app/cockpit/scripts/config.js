// Sanlian's Cockpit: the language and the rest that all four webapps share come from ../../sanlian/webapp-config.js.
import {webappConfig} from '../../sanlian/webapp-config.js';

export default webappConfig('流程监控', 'Cockpit', {
  customScripts: [
    // 案件监督 (supervision/plugin.js): deadlines of every body, case timelines, statistics
    'scripts/supervision/plugin',
    // 规则工作台 (analyst-workbench.js): test-evaluate, versions in use, compare two versions
    'scripts/analyst-workbench.js'
  ]
});

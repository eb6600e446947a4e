// Sanlian's Tasklist: the language and the rest that all four webapps share come from ../../sanlian/webapp-config.js.
import {webappConfig} from '../../sanlian/webapp-config.js';

export default webappConfig('任务列表', 'Tasklist', {
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: '认领当前选中的任务'},
    focusFilter: {key: 'ctrl+shift+f', description: '定位到第一个过滤器'},
    focusList: {key: 'ctrl+alt+l', description: '定位到任务列表的第一个任务'},
    focusForm: {key: 'ctrl+alt+f', description: '定位到任务表单的第一个输入框'},
    startProcess: {key: 'ctrl+alt+p', description: '打开发起流程对话框'}
  },
  // dates as Chinese officers write them (the tooltip of "3 天后" then reads 2026-12-08 23:59)
  dateFormat: {
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY-MM-DD HH:mm dddd'
  },
  customScripts: [
    // form-js strings and the date picker in Chinese, typed dates read the Chinese ways, due dates as dates
    'scripts/sanlian/chinese.js',
    // 本单位案件 in the header; evidence, documents and case-list links open in a new tab (issue 13)
    'scripts/case-links.js'
  ]
});

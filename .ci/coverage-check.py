#!/usr/bin/env python3
"""Merges the process-test-coverage reports of all test classes (target/process-test-coverage/*/report.json)
and prints, for every process in bpmn/, the flow nodes and sequence flows the suite reached.
Exit 1 when a flow node of any model was never reached."""
import glob
import json
import sys
import xml.etree.ElementTree as ET

BPMN = '{http://www.omg.org/spec/BPMN/20100524/MODEL}'
FLOW_NODES = {'startEvent', 'endEvent', 'userTask', 'serviceTask', 'businessRuleTask', 'exclusiveGateway',
              'parallelGateway', 'eventBasedGateway', 'inclusiveGateway', 'subProcess', 'callActivity',
              'intermediateCatchEvent', 'intermediateThrowEvent', 'boundaryEvent', 'scriptTask', 'sendTask',
              'receiveTask', 'manualTask', 'task'}

reached = {}
for report in glob.glob('target/process-test-coverage/*/report.json'):
    with open(report, encoding='utf-8') as f:
        for suite in json.load(f)['suites']:
            for run in suite['runs']:
                for event in run['events']:
                    reached.setdefault(event['modelKey'], set()).add(event['definitionKey'])

incomplete = False
for model in sorted(glob.glob('bpmn/*.bpmn')):
    for process in ET.parse(model).getroot().iter(BPMN + 'process'):
        nodes, flows = set(), set()
        for element in process.iter():
            kind = element.tag.replace(BPMN, '')
            if element is not process and kind in FLOW_NODES:
                nodes.add(element.get('id'))
            elif kind == 'sequenceFlow':
                flows.add(element.get('id'))
        seen = reached.get(process.get('id'), set())
        missing = sorted(nodes - seen)
        print(f"{process.get('id')}: flow nodes {len(nodes & seen)}/{len(nodes)} "
              f"({100 * len(nodes & seen) // max(len(nodes), 1)} %), sequence flows {len(flows & seen)}/{len(flows)}"
              + (f"; not reached: {', '.join(missing)}" if missing else '')
              + (f"; flows not taken: {', '.join(sorted(flows - seen))}" if flows - seen else ''))
        incomplete |= bool(missing)
sys.exit(1 if incomplete else 0)

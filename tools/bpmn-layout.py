#!/usr/bin/env python3
"""Lays out the diagrams of a BPMN file: one plane for the process and one for every collapsed sub-process,
each drawn left to right in layers, wrapped into rows so that a plane fits one screen (about 1,600 x 900 px),
with the user tasks in bands by role (执法人员 / 法制审核 / 负责人 / 法制监督), each band framed by a Group.
Rewrites the BPMNDiagram elements and the role groups; the process semantics are untouched.
usage: bpmn-layout.py FILE.bpmn [--no-roles]"""
import sys
import xml.etree.ElementTree as ET

NS = {
    'bpmn': 'http://www.omg.org/spec/BPMN/20100524/MODEL',
    'bpmndi': 'http://www.omg.org/spec/BPMN/20100524/DI',
    'dc': 'http://www.omg.org/spec/DD/20100524/DC',
    'di': 'http://www.omg.org/spec/DD/20100524/DI',
    'camunda': 'http://camunda.org/schema/1.0/bpmn',
    'modeler': 'http://camunda.org/schema/modeler/1.0',
    'xsi': 'http://www.w3.org/2001/XMLSchema-instance',
}
for prefix, uri in NS.items():
    ET.register_namespace(prefix, uri)
B = '{%s}' % NS['bpmn']
DI = '{%s}' % NS['bpmndi']
DC = '{%s}' % NS['dc']
DDI = '{%s}' % NS['di']
C = '{%s}' % NS['camunda']

FLOW_NODES = {'startEvent', 'endEvent', 'userTask', 'serviceTask', 'businessRuleTask', 'exclusiveGateway',
              'parallelGateway', 'eventBasedGateway', 'inclusiveGateway', 'subProcess', 'callActivity',
              'intermediateCatchEvent', 'intermediateThrowEvent', 'scriptTask', 'sendTask', 'receiveTask',
              'manualTask', 'task'}
MAX_ROW_WIDTH = 1420
GAP = 46
SLOT = 90
ROLE_ORDER = ['执法人员', '法制审核', '负责人', '法制监督', '协作单位']


def kind(el):
    return el.tag.replace(B, '')


def size(el):
    k = kind(el)
    if k.endswith('Event'):
        return 36, 36
    if k.endswith('Gateway'):
        return 50, 50
    return 100, 80


def role_of(el):
    groups = (el.get(C + 'candidateGroups') or '') + (el.get(C + 'assignee') or '')
    if 'LegalReviewer' in groups:
        return '法制审核'
    if 'Supervisor' in groups or 'supervisorGroup' in groups:
        return '法制监督'
    if 'Head' in groups:
        return '负责人'
    if 'assisting' in groups or 'receiver' in groups or 'Police' in groups:
        return '协作单位'
    return '执法人员'


class Plane:
    """The direct children of one process or sub-process, laid out as one diagram plane."""

    def __init__(self, container, roles):
        self.container = container
        self.roles = roles
        self.nodes = [c for c in container if kind(c) in FLOW_NODES]
        self.main = [n for n in self.nodes if not (kind(n) == 'subProcess' and n.get('triggeredByEvent') == 'true')]
        self.events = [n for n in self.nodes if n not in self.main]
        self.boundaries = [c for c in container if kind(c) == 'boundaryEvent']
        self.flows = [c for c in container if kind(c) == 'sequenceFlow']
        self.by_id = {n.get('id'): n for n in self.nodes + self.boundaries}
        self.shapes, self.edges, self.groups = {}, {}, []

    def layer(self):
        succ = {n.get('id'): [] for n in self.main}
        host = {b.get('id'): b.get('attachedToRef') for b in self.boundaries}
        for f in self.flows:
            s, t = f.get('sourceRef'), f.get('targetRef')
            s = host.get(s, s)
            if s in succ and t in succ:
                succ[s].append(t)
        starts = [n.get('id') for n in self.main if kind(n) == 'startEvent'] or \
                 [n.get('id') for n in self.main if not any(n.get('id') in v for v in succ.values())]
        order, state, back = [], {}, set()

        def visit(v):
            state[v] = 1
            for w in succ[v]:
                if state.get(w) == 1:
                    back.add((v, w))
                elif w not in state:
                    visit(w)
            state[v] = 2
            order.append(v)

        sys.setrecursionlimit(10000)
        for s in starts:
            if s not in state:
                visit(s)
        for n in self.main:
            if n.get('id') not in state:
                visit(n.get('id'))
        order.reverse()
        layer = {v: 0 for v in order}
        for v in order:
            for w in succ[v]:
                if (v, w) not in back:
                    layer[w] = max(layer[w], layer[v] + 1)
        self.back = back
        self.layers = layer
        self.succ = succ
        self.order = order

    def assign_roles(self):
        role = {}
        preds = {n.get('id'): [] for n in self.main}
        for v, ws in self.succ.items():
            for w in ws:
                if (v, w) not in self.back:
                    preds[w].append(v)
        for v in self.order:
            el = self.by_id[v]
            if kind(el) == 'userTask':
                role[v] = role_of(el)
        for v in self.order:  # a plane starts with the handler
            if kind(self.by_id[v]) == 'startEvent' and v not in role and any(role.values()):
                role[v] = '执法人员'
        for v in self.order:  # automatic steps and gateways follow the step before them
            if v not in role:
                ps = [p for p in preds[v] if p in role]
                if ps:
                    role[v] = role[ps[0]]
        for v in reversed(self.order):  # start events and joins at the very beginning: the step after them
            if v not in role:
                ws = [w for w in self.succ[v] if w in role]
                role[v] = role[ws[0]] if ws else '执法人员'
        if not self.roles:
            role = {v: '' for v in role}
        self.role = role

    def place(self):
        self.layer()
        self.assign_roles()
        nlayers = max(self.layers.values()) + 1 if self.layers else 0
        widths = [0] * nlayers
        for v, l in self.layers.items():
            widths[l] = max(widths[l], size(self.by_id[v])[0])
        # rows: consecutive layers whose width fits the screen
        rows, row, x = [], [], 0
        for l in range(nlayers):
            w = widths[l] + GAP
            if row and x + w > MAX_ROW_WIDTH:
                rows.append(row)
                row, x = [], 0
            row.append(l)
            x += w
        if row:
            rows.append(row)
        if len(rows) > 1:  # balance the rows
            total = sum(w + GAP for w in widths)
            per = total / len(rows)
            rows, row, x = [], [], 0
            for l in range(nlayers):
                w = widths[l] + GAP
                if row and x + w / 2 > per * (len(rows) + 1) and len(rows) < 9:
                    rows.append(row)
                    row = []
                row.append(l)
                x += w
            rows.append(row)
        row_of = {l: i for i, r in enumerate(rows) for l in r}
        lx, x_of = {}, {}
        for r in rows:
            x = 80 if self.container.tag == B + 'process' else 60
            for l in r:
                x_of[l] = x
                x += widths[l] + GAP
        used = [r for r in ROLE_ORDER if r in self.role.values()] or ['']
        if '' in self.role.values() and '' not in used:
            used = ['']
        cells = {}
        boundary_targets = {f.get('targetRef') for f in self.flows if f.get('sourceRef') in
                            {b.get('id') for b in self.boundaries}}
        for v in sorted(self.order, key=lambda v: v in boundary_targets):
            cells.setdefault((self.layers[v], self.role[v]), []).append(v)
        # boundary targets get a slot below their host
        band_h = {}
        row_roles = {i: [role for role in used if any(self.role[v] == role and self.layers[v] in r for v in self.order)]
                     for i, r in enumerate(rows)}
        for i, r in enumerate(rows):
            for role in row_roles[i]:
                depth = max([len(cells.get((l, role), [])) for l in r] + [1])
                has_boundary = any(self.by_id[b.get('attachedToRef')] is not None and
                                   self.layers.get(b.get('attachedToRef')) in r and
                                   self.role.get(b.get('attachedToRef')) == role for b in self.boundaries)
                band_h[(i, role)] = depth * SLOT + (30 if has_boundary else 0) + 20
        y = 60 if self.container.tag != B + 'process' else 70
        band_y, row_y = {}, {}
        for i, r in enumerate(rows):
            row_y[i] = y
            for role in row_roles[i]:
                band_y[(i, role)] = y
                y += band_h[(i, role)]
            y += 12  # between rows
        self.height = y
        for (l, role), vs in cells.items():
            i = row_of[l]
            for k, v in enumerate(vs):
                w, h = size(self.by_id[v])
                nx = x_of[l] + (widths[l] - w) / 2
                ny = band_y[(i, role)] + 20 + k * SLOT + (80 - h) / 2
                self.shapes[v] = (nx, ny, w, h)
        for b in self.boundaries:
            hx, hy, hw, hh = self.shapes[b.get('attachedToRef')]
            others = [o for o in self.boundaries if o.get('attachedToRef') == b.get('attachedToRef')]
            k = others.index(b)
            self.shapes[b.get('id')] = (hx + hw - 30 - 40 * k, hy + hh - 18, 36, 36)
        row_end = {i: max(x_of[l] + widths[l] for l in r) for i, r in enumerate(rows)}
        self.width = max(row_end.values()) + 40 if row_end else 400
        if self.roles and used != ['']:
            for i, r in enumerate(rows):
                for role in row_roles[i]:
                    if any(self.role[v] == role for v in self.order if row_of[self.layers[v]] == i):
                        self.groups.append((role, i, (30 if self.container.tag != B + 'process' else 40,
                                                      band_y[(i, role)] + 2, row_end[i] + 10,
                                                      band_h[(i, role)] - 6)))
        # event sub-processes under the main flow
        x = 80
        for e in self.events:
            self.shapes[e.get('id')] = (x, y, 100, 80)
            x += 160
        if self.events:
            self.height = y + 120
        self.row_of = {v: row_of[self.layers[v]] for v in self.order}
        self.row_bottom = {i: row_y[i] + sum(band_h[(i, role)] for role in row_roles[i]) for i in range(len(rows))}
        self.route()

    def route(self):
        lane = {}
        for f in self.flows:
            s, t = f.get('sourceRef'), f.get('targetRef')
            if s not in self.shapes or t not in self.shapes:
                continue
            sx, sy, sw, sh = self.shapes[s]
            tx, ty, tw, th = self.shapes[t]
            scx, scy = sx + sw / 2, sy + sh / 2
            tcx, tcy = tx + tw / 2, ty + th / 2
            src = self.by_id[s]
            host = src.get('attachedToRef') if kind(src) == 'boundaryEvent' else s
            same_row = host in self.row_of and t in self.row_of and self.row_of[host] == self.row_of[t]
            forward = same_row and tx > sx + sw - 1
            if kind(src) == 'boundaryEvent':
                if tcy > sy + sh and tx > scx:  # below and to the right: down, then into its left side
                    pts = [(scx, sy + sh), (scx, tcy), (tx, tcy)]
                else:  # under both, then up into its bottom
                    by = max(sy + sh, ty + th) + 14
                    pts = [(scx, sy + sh), (scx, by), (tcx, by), (tcx, ty + th)]
            elif forward:
                pts = self.forward_route(s, t, src)
            elif host in self.row_of and t in self.row_of and self.row_of[t] > self.row_of[host]:
                i = self.row_of[host]
                k = lane.setdefault(('down', i), 0)
                lane[('down', i)] += 1
                cy = self.row_bottom[i] + 8 + 8 * k
                pts = [(sx + sw, scy), (sx + sw + 16, scy), (sx + sw + 16, cy), (tx - 20, cy), (tx - 20, tcy),
                       (tx, tcy)]
            else:  # back: under the source's row, into the target from below
                i = self.row_of.get(host, 0)
                k = lane.setdefault(('back', i), 0)
                lane[('back', i)] += 1
                cy = self.row_bottom[i] - 4 - 8 * k
                if self.row_of.get(t, i) != i:
                    pts = [(scx, sy + sh), (scx, cy), (sx + sw + 20, cy), (sx + sw + 20, self.row_bottom[
                        self.row_of[t]] - 4 - 8 * k), (tcx, self.row_bottom[self.row_of[t]] - 4 - 8 * k),
                           (tcx, ty + th)]
                    pts = [(scx, sy + sh), (scx, cy), (tcx, cy), (tcx, ty + th)] if False else pts
                else:
                    pts = [(scx, sy + sh), (scx, cy), (tcx, cy), (tcx, ty + th)]
            self.edges[f.get('id')] = pts


    def crosses(self, pts, ends):
        """Whether a polyline runs through a shape other than its own ends (and their boundary events)."""
        for (x1, y1), (x2, y2) in zip(pts, pts[1:]):
            lo_x, hi_x, lo_y, hi_y = min(x1, x2), max(x1, x2), min(y1, y2), max(y1, y2)
            for v, (ox, oy, ow, oh) in self.shapes.items():
                if v in ends or self.by_id[v].get('attachedToRef') in ends or kind(self.by_id[v]) == 'subProcess' \
                        and self.by_id[v].get('triggeredByEvent') == 'true':
                    continue
                if lo_x < ox + ow - 1 and hi_x > ox + 1 and lo_y < oy + oh - 1 and hi_y > oy + 1:
                    return True
        return False

    def forward_route(self, s, t, src):
        sx, sy, sw, sh = self.shapes[s]
        tx, ty, tw, th = self.shapes[t]
        scx, scy, tcx, tcy = sx + sw / 2, sy + sh / 2, tx + tw / 2, ty + th / 2
        down = tcy > scy
        target_gateway = kind(self.by_id[t]).endswith('Gateway')
        candidates = []
        if abs(scy - tcy) < 1:
            candidates.append([(sx + sw, scy), (tx, tcy)])
        else:
            if kind(src).endswith('Gateway'):
                candidates.append([(scx, sy + sh if down else sy), (scx, tcy), (tx, tcy)])
            if target_gateway:
                candidates.append([(sx + sw, scy), (tcx, scy), (tcx, ty if down else ty + th)])
            mx = tx - GAP / 2
            candidates.append([(sx + sw, scy), (mx, scy), (mx, tcy), (tx, tcy)])
            candidates.append([(scx, sy + sh if down else sy), (scx, tcy), (tx, tcy)])
        between = [v for v, (ox, oy, ow, oh) in self.shapes.items() if v not in (s, t) and ox > sx + sw and ox + ow < tx
                   and self.row_of.get(v, self.row_of.get(self.by_id[v].get('attachedToRef'))) == self.row_of.get(t)]
        top = min([self.shapes[v][1] for v in between] + [min(sy, ty)]) - 10
        candidates.append([(scx, sy), (scx, top), (tcx, top), (tcx, ty)])
        for pts in candidates:
            if not self.crosses(pts, (s, t)):
                return pts
        return candidates[0]

def sub(parent, tag, **attrs):
    el = ET.SubElement(parent, tag)
    for k, v in attrs.items():
        el.set(k, str(v))
    return el


def num(v):
    return str(int(round(v)))


def label_bounds(parent, x, y, w=90, h=14):
    lab = sub(parent, DI + 'BPMNLabel')
    sub(lab, DC + 'Bounds', x=num(x), y=num(y), width=num(w), height=num(h))


def draw(defs, diagram_id, plane_el_id, plane):
    d = sub(defs, DI + 'BPMNDiagram', id=diagram_id)
    p = sub(d, DI + 'BPMNPlane', id=diagram_id + 'Plane', bpmnElement=plane_el_id)
    for role, i, (x, y, w, h) in plane.groups:
        gid = plane.group_ids[(role, i)]
        s = sub(p, DI + 'BPMNShape', id=gid + '_di', bpmnElement=gid)
        sub(s, DC + 'Bounds', x=num(x), y=num(y), width=num(w), height=num(h))
        label_bounds(s, x + 8, y + 4, 60, 14)
    for v, (x, y, w, h) in plane.shapes.items():
        el = plane.by_id[v]
        attrs = {'id': v + '_di', 'bpmnElement': v}
        if kind(el) == 'subProcess':
            attrs['isExpanded'] = 'false'
        if kind(el).endswith('Gateway'):
            attrs['isMarkerVisible'] = 'true'
        s = sub(p, DI + 'BPMNShape', **attrs)
        sub(s, DC + 'Bounds', x=num(x), y=num(y), width=num(w), height=num(h))
        if (kind(el).endswith('Event') or kind(el).endswith('Gateway')) and el.get('name'):
            label_bounds(s, x + w / 2 - 45, y + h + 4, 90, 14)
    for fid, pts in plane.edges.items():
        e = sub(p, DI + 'BPMNEdge', id=fid + '_di', bpmnElement=fid)
        for (x, y) in pts:
            sub(e, DDI + 'waypoint', x=num(x), y=num(y))
        flow = next(f for f in plane.flows if f.get('id') == fid)
        if flow.get('name'):
            (x1, y1), (x2, y2) = pts[0], pts[1]
            (x3, y3), (x4, y4) = pts[-2], pts[-1]
            if abs(y3 - y4) < 1 and abs(x4 - x3) >= 40:  # on the last horizontal stretch, next to its target
                label_bounds(e, min(x3, x4) + 4, y3 - 18, 70, 14)
            elif abs(x1 - x2) < 1:
                label_bounds(e, x1 + 4, (y1 + y2) / 2 - 7, 70, 14)
            else:
                label_bounds(e, min(x1, x2) + 4, y1 - 18, 70, 14)


def layout(path, roles=True):
    tree = ET.parse(path, parser=ET.XMLParser(target=ET.TreeBuilder(insert_comments=True)))
    defs = tree.getroot()
    for d in defs.findall(DI + 'BPMNDiagram'):
        defs.remove(d)
    # old role groups and their category go; they are drawn anew
    for parent in defs.iter():
        for g in list(parent):
            if kind(g) == 'group' and (g.get('id') or '').startswith('role_'):
                parent.remove(g)
    for cat in defs.findall(B + 'category'):
        if (cat.get('id') or '') == 'roles':
            defs.remove(cat)
    planes = []
    for process in defs.findall(B + 'process'):
        stack = [process]
        while stack:
            c = stack.pop(0)
            planes.append(c)
            stack += [s for s in c if kind(s) == 'subProcess']
    category, values = None, {}
    for n, container in enumerate(planes):
        plane = Plane(container, roles and any(kind(c) == 'userTask' for c in container))
        plane.place()
        plane.group_ids = {}
        for role, i, _ in plane.groups:
            if category is None:
                category = ET.Element(B + 'category', id='roles')
                defs.insert(list(defs).index(defs.find(B + 'process')), category)
            if role not in values:
                values[role] = sub(category, B + 'categoryValue', id='role_%d' % (ROLE_ORDER.index(role) + 1),
                                   value=role)
            gid = 'role_%s_%s_%d' % (container.get('id'), ROLE_ORDER.index(role) + 1, i)
            plane.group_ids[(role, i)] = gid
            g = ET.Element(B + 'group', id=gid, categoryValueRef=values[role].get('id'))
            container.append(g)
        diagram_id = container.get('id') + 'Diagram'
        draw(defs, diagram_id, container.get('id'), plane)
        print(f'{path}: plane {container.get("id")} {int(plane.width)} x {int(plane.height)} px')
    ET.indent(tree, '  ')
    tree.write(path, encoding='UTF-8', xml_declaration=True)


if __name__ == '__main__':
    layout(sys.argv[1], '--no-roles' not in sys.argv)

/** A co-op of the family tree as GET /coops/lineage gives it (what the drawing needs). */
export interface LineageCoop {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly generation: number;
  readonly children: readonly string[];
  readonly journeyId: string | null;
}

export interface TreeBox {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly status: string;
  readonly x: number;
  readonly y: number;
}

export interface TreeLine {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface TreeBranch {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly journeyId: string | null;
  readonly children: readonly TreeBranch[];
}

export const TREE = { column: 180, row: 90, box: { width: 164, height: 48 }, margin: 10 } as const;

/** A name short enough for its box: 18 characters at most, an ellipsis where cut. */
export function boxLabel(name: string): string {
  return name.length <= 18 ? name : `${name.slice(0, 17).trimEnd()}…`;
}

/**
 * The family tree laid out for drawing: each generation a row, each co-op without spin-offs a column of
 * its own in the order of the tree, and each sponsor centred over its spin-offs, with a line from sponsor
 * to spin-off. `branches` is the same tree nested, for the list beside the drawing.
 */
export function familyTree(roots: readonly string[], coops: readonly LineageCoop[]) {
  const byId = new Map(coops.map((c) => [c.id, c]));
  const boxes: TreeBox[] = [];
  const lines: TreeLine[] = [];
  const seen = new Set<string>();
  let nextColumn = 0;
  const place = (id: string, depth: number): { x: number; branch: TreeBranch } | null => {
    const coop = byId.get(id);
    if (!coop || seen.has(id)) return null;
    seen.add(id);
    const placed = coop.children.map((c) => place(c, depth + 1)).filter((p) => p !== null);
    const x = placed.length
      ? (placed[0].x + placed[placed.length - 1].x) / 2
      : TREE.margin + nextColumn++ * TREE.column + TREE.box.width / 2;
    const y = TREE.margin + depth * TREE.row;
    boxes.push({ id, name: coop.name, label: boxLabel(coop.name), status: coop.status, x, y });
    for (const child of placed) lines.push({ x1: x, y1: y + TREE.box.height, x2: child.x, y2: y + TREE.row });
    return {
      x,
      branch: { id, name: coop.name, status: coop.status, journeyId: coop.journeyId, children: placed.map((p) => p.branch) },
    };
  };
  const branches = roots
    .map((r) => place(r, 0))
    .filter((p) => p !== null)
    .map((p) => p.branch);
  const depth = Math.max(0, ...coops.map((c) => c.generation));
  return {
    boxes: [...boxes].sort((a, b) => a.y - b.y || a.x - b.x),
    lines,
    branches,
    width: Math.max(1, nextColumn) * TREE.column + TREE.margin,
    height: Math.max(1, depth) * TREE.row + TREE.margin,
    box: TREE.box,
  };
}

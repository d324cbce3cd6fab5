import type { Comment } from '../../api/index.js';
import type { OutboxEntry } from './storage.js';

/** A comment as the thread shows it: the server's comment, or a local one still on its way. */
export interface Node {
  comment: Comment;
  /** Set while this comment is the reader's own and not yet confirmed. */
  local?: { state: 'sending' | 'failed'; key: string; error?: Error; entry: OutboxEntry };
  ui: NodeUi;
  replies: Node[];
}

export interface NodeUi {
  replying?: boolean;
  editing?: boolean;
  editText?: string;
  busy?: boolean;
  confirmDelete?: boolean;
  spoilerShown?: boolean;
  /** The reader asked to report it: its report form exists from then on. */
  reporting?: boolean;
  revealed?: ReadonlySet<number>;
  /** How many replies show before "Show N more replies". */
  repliesShown?: number;
  /** A message for this comment (an edit that failed). */
  notice?: string;
}

export const toNode = (comment: Comment): Node => ({ comment, ui: {}, replies: comment.replies.map(toNode) });

/** The path of nodes from a root to the node with this id, or undefined. */
export function findPath(nodes: Node[], id: string): Node[] | undefined {
  for (const node of nodes) {
    if (node.comment.id === id) return [node];
    const below = findPath(node.replies, id);
    if (below) return [node, ...below];
  }
  return undefined;
}

/**
 * Replaces one node, copying only the nodes on its path: every other node keeps its identity, so
 * the `guard` around each comment's template skips it and a change re-renders one branch.
 */
export function updateNode(nodes: Node[], id: string, change: (node: Node) => Node | undefined): Node[] {
  let changed = false;
  const out: Node[] = [];
  for (const node of nodes) {
    if (node.comment.id === id) {
      changed = true;
      const next = change(node);
      if (next) out.push(next);
      continue;
    }
    const replies = updateNode(node.replies, id, change);
    if (replies !== node.replies) {
      changed = true;
      out.push({ ...node, replies });
    } else out.push(node);
  }
  return changed ? out : nodes;
}

export const setUi = (nodes: Node[], id: string, ui: Partial<NodeUi>) =>
  updateNode(nodes, id, (n) => ({ ...n, ui: { ...n.ui, ...ui } }));

/** A comment for a post that has not been confirmed yet, built from what the reader wrote. */
export function localComment(entry: OutboxEntry, id: string): Comment {
  return {
    id,
    parentId: entry.parentId,
    author: { name: entry.name },
    body: entry.body,
    spoiler: entry.spoiler,
    createdAt: entry.createdAt,
    editedAt: null,
    status: 'pending',
    replies: [],
    replyCount: 0,
  };
}

/**
 * The tree with a post of the reader's that the server has not confirmed: updated in place if it
 * is shown already, else added under its parent (whose reply form closes and whose replies all
 * show, from `shown` on) or where the sort puts a new comment.
 */
export function withLocal(
  nodes: Node[],
  local: NonNullable<Node['local']>,
  newestFirst: boolean,
  shown: number,
): Node[] {
  const { entry } = local;
  const id = `local-${entry.key}`;
  if (findPath(nodes, id)) return updateNode(nodes, id, (n) => ({ ...n, local }));
  const node: Node = { comment: localComment(entry, id), local, ui: {}, replies: [] };
  if (!entry.parentId || !findPath(nodes, entry.parentId)) return newestFirst ? [node, ...nodes] : [...nodes, node];
  return updateNode(nodes, entry.parentId, (p) => ({
    ...p,
    replies: [...p.replies, node],
    ui: { ...p.ui, replying: false, repliesShown: Math.max(p.ui.repliesShown ?? shown, p.replies.length + 1 + 100) },
  }));
}

/** What the owner is told about (webhook and email, server/notify/). */
export type DeskEventType = 'comment.created' | 'comment.reported' | 'comment.approved';

export interface DeskEvent {
  type: DeskEventType;
  /** ISO 8601 */
  at: string;
  comment: {
    id: string;
    reviewId: string;
    status: string;
    authorName: string;
    body: string;
    createdAt: string;
  };
  /** For `comment.reported`. */
  report?: { reason: string; hidden: boolean };
}

export type Notify = (event: DeskEvent) => void;

/** The personal access tokens' read models, as the account page and the API's auth hook see them. */
import type { ApiTokenScope } from '../../db/schema';

export interface TokenSummary {
  id: number;
  name: string;
  scope: ApiTokenScope;
  /** The secret's first characters (`hrt_AbC12…`), never the secret. */
  hint: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Who a presented secret belongs to. */
export interface TokenIdentity {
  tokenId: number;
  userId: number;
  scope: ApiTokenScope;
}

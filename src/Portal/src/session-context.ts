import { api, ApiError } from "./api";
import { Me } from "./types";

/** What the credential may do, from GET /v1/me; a Herald without that route is taken as an account key's full access. */
export interface Access {
  me: Me | null;
  canManage: boolean;
  sources: string[] | null;
}

export async function loadAccess(): Promise<Access> {
  try {
    const me = await api<Me>("GET", "/v1/me");
    return { me, canManage: me.scopes.includes("manage") && !me.read_only, sources: me.sources };
  } catch (error) {
    if (error instanceof ApiError && error.unavailable) {
      // Without /v1/me, the cheapest read tells whether the credential is one Herald knows (401 otherwise).
      await api("GET", "/v1/webhooks", undefined, { limit: 1 });
      return { me: null, canManage: true, sources: null };
    }
    throw error;
  }
}

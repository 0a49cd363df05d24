import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';

/**
 * botbuilder's CloudAdapter with its two request steps apart, so that deskbot's route answers every HTTP request
 * itself: `CloudAdapter.process` would print a refused request to the console and answer it with plain text.
 */
export class DeskbotCloudAdapter extends CloudAdapter {
  /**
   * Validate the request's token for `activity` with the adapter's BotFrameworkAuthentication.
   * @param authHeader the `Authorization` header, '' when absent
   * @throws AuthenticationError 401 for a refused token; any other error when it could not be checked
   */
  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
  }

  /** Run `logic` for an authenticated activity; resolves to the turn's invoke response (for `invoke` activities). */
  runAuthenticated(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

import OpenAI from 'openai';

/** Connection settings of an OpenAI-compatible chat-completions server. */
export interface LlmConnection {
  apiKey?: string;
  /** e.g. `https://api.openai.com/v1` or a local server's `/v1`. */
  baseURL?: string;
  model: string;
  /** Per request, in ms; past it the call fails and deskbot falls back to its own answer. */
  timeoutMs: number;
}

/** One structured chat completion: the model's message parsed as JSON that follows `schema`. */
export type StructuredChat = (messages: Array<{ role: 'system' | 'user'; content: string }>, schema: { name: string; schema: object }) => Promise<unknown>;

/**
 * A {@link StructuredChat} over the OpenAI chat-completions API (`POST {baseURL}/chat/completions` with
 * `response_format: {type: "json_schema", json_schema: {strict: true}}`), no retries (the caller falls back instead).
 * @throws whatever the client throws (HTTP error, timeout) or SyntaxError when the reply is not JSON
 */
export function createStructuredChat(connection: LlmConnection): StructuredChat {
  // The client refuses to start without a key; local OpenAI-compatible servers usually ignore it.
  const client = new OpenAI({ apiKey: connection.apiKey ?? 'none', baseURL: connection.baseURL, timeout: connection.timeoutMs, maxRetries: 0 });
  return async (messages, schema) => {
    const completion = await client.chat.completions.create({
      model: connection.model,
      messages,
      temperature: 0,
      response_format: { type: 'json_schema', json_schema: { name: schema.name, schema: schema.schema as Record<string, unknown>, strict: true } },
    });
    return JSON.parse(completion.choices[0]?.message?.content ?? '');
  };
}

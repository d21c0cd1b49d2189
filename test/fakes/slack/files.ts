import type { ApiReply, SlackState } from './web-api-routes.js';

/** A file the bot uploaded the way files.uploadV2 does it: get a URL, send the bytes, complete. */
export interface FakeFile {
  id: string;
  filename: string;
  /** The length announced to files.getUploadURLExternal. */
  length: number;
  altText?: string;
  /** The bytes sent to the upload URL. */
  data?: Buffer;
  title?: string;
  /** The channel it was shared to by files.completeUploadExternal. */
  channel?: string;
}

let fileCounter = 0;
const ok = (body: Record<string, unknown>): ApiReply => ({ status: 200, body: { ok: true, ...body } });
const refuse = (error: string): ApiReply => ({ status: 200, body: { ok: false, error } });

/** files.getUploadURLExternal (https://docs.slack.dev/reference/methods/files.getuploadurlexternal). */
export function getUploadUrl(
  state: SlackState,
  params: Record<string, unknown>,
  uploadUrl: (fileId: string) => string,
): ApiReply {
  const filename = String(params.filename ?? '');
  const length = Number(params.length);
  if (!filename) return refuse('invalid_arguments');
  if (!Number.isInteger(length) || length <= 0) return refuse('invalid_arguments');
  const file: FakeFile = { id: `F${String(++fileCounter).padStart(8, '0')}`, filename, length };
  if (typeof params.alt_text === 'string') file.altText = params.alt_text;
  state.files.set(file.id, file);
  return ok({ upload_url: uploadUrl(file.id), file_id: file.id });
}

/**
 * The upload URL: keeps the bytes, sent raw or as the one file of a multipart form (as the
 * Node SDK does); a length other than the one announced is refused.
 */
export async function receiveUpload(
  state: SlackState,
  fileId: string,
  body: Buffer,
  contentType: string,
): Promise<{ status: number; text: string }> {
  const file = state.files.get(fileId);
  if (!file) return { status: 404, text: 'unknown upload' };
  let data = body;
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
    const part = [...form.values()].find((v) => typeof v !== 'string');
    if (!part || typeof part === 'string') return { status: 400, text: 'no file in the form' };
    data = Buffer.from(await part.arrayBuffer());
  }
  if (data.length !== file.length)
    return { status: 400, text: `expected ${file.length} bytes, got ${data.length}` };
  file.data = data;
  return { status: 200, text: `OK - ${data.length}` };
}

/** files.completeUploadExternal: shares uploaded files to a channel. */
export function completeUpload(state: SlackState, params: Record<string, unknown>): ApiReply {
  const listed = (typeof params.files === 'string' ? JSON.parse(params.files) : params.files) as
    | { id?: string; title?: string }[]
    | undefined;
  if (!Array.isArray(listed) || listed.length === 0) return refuse('invalid_arguments');
  const channel = typeof params.channel_id === 'string' ? params.channel_id : undefined;
  if (channel) {
    const trouble = state.channels.get(channel);
    if (trouble) return refuse(trouble);
  }
  const done: FakeFile[] = [];
  for (const entry of listed) {
    const file = state.files.get(entry.id ?? '');
    if (!file?.data) return refuse('file_not_found');
    if (entry.title) file.title = entry.title;
    if (channel) file.channel = channel;
    done.push(file);
  }
  return ok({ files: done.map((f) => ({ id: f.id, name: f.filename, title: f.title ?? f.filename })) });
}

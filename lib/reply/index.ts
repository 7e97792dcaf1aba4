// What commands/ use of the worker reply inbox.
export {WorkerReply} from '../domain/reply.ts';
export {writeReply} from './writeReply.ts';
export {listReplies, ReplyListView} from './listReplies.ts';
export {ingestReplies, ReplyIngestView} from './ingestReplies.ts';
export {formatIngested, formatRecorded, formatReplies} from './formatReply.ts';

'use strict';

// client.multi(): a chain that queues commands and runs them with exec() as one MULTI/EXEC
// transaction (atomic: nothing else runs in between), or with execAsPipeline() one by one.
// Replies are transformed as the standalone commands' replies are; errors are reported as
// node-redis reports them (MultiErrorReply, or the queue-time error).
const { attachCommands } = require('./commander');
const { CommandParser } = require('./parser');
const { SimpleError, MultiErrorReply, WatchError } = require('./errors');
const { checkArgs, plainArgs } = require('./args');
const { BLOCKED } = require('./native');
const { waitBlocked, deferWhileBlocked } = require('./blocking');

class RedisMulti {
  constructor(client) {
    this._client = client;
    this._queue = [];
  }

  _queueCommand(command, args) {
    const parser = new CommandParser(this._client._state.options.keyPrefix);
    command.parseCommand(parser, ...args);
    this._queue.push({ args: parser.redisArgs, transformReply: command.transformReply });
    return this;
  }

  addCommand(args, transformReply) {
    this._queue.push({ args, transformReply });
    return this;
  }

  // A copy taken now, as node-redis's (its getters run, and may throw, here); addCommand's
  // array is read when the transaction runs.
  sendCommand(args) {
    return this.addCommand(args.slice());
  }

  select(db) {
    return this.addCommand(['SELECT', db.toString()]);
  }

  SELECT(db) {
    return this.select(db);
  }

  exec(execAsPipeline = false) {
    if (execAsPipeline) return this.execAsPipeline();
    if (this._client._state.blocked) return deferWhileBlocked(this._client, () => this.exec());
    try {
      return Promise.resolve(this._execTransaction());
    } catch (err) {
      return Promise.reject(err);
    }
  }

  EXEC(execAsPipeline) {
    return this.exec(execAsPipeline);
  }

  execTyped(execAsPipeline) {
    return this.exec(execAsPipeline);
  }

  execAsPipelineTyped() {
    return this.execAsPipeline();
  }

  _execTransaction() {
    const client = this._client;
    const queue = this._queue;
    this._queue = [];
    const argvs = queue.map(({ args }) => plainArgs(args)); // caller's getters run here, once
    for (const args of argvs) checkArgs(args);
    client._state.watching = false; // EXEC ends the WATCH, whatever its outcome
    const started = client._execRaw(['MULTI']);
    if (started instanceof SimpleError) throw started; // e.g. a subscribed RESP2 client
    let queueError = null;
    try {
      for (const args of argvs) {
        const reply = client._execRaw(args);
        if (reply instanceof SimpleError && !queueError) queueError = reply;
      }
    } catch (err) {
      client._execRaw(['DISCARD']);
      throw err;
    }
    const replies = client._execRaw(['EXEC']);
    if (queueError) throw queueError;
    if (replies instanceof SimpleError) throw replies;
    if (replies === null) throw new WatchError();
    return transformReplies(queue, replies, true);
  }

  // The commands one after the other; a blocking command that blocks holds the rest back
  // until it is served or times out, as on a Redis connection.
  execAsPipeline() {
    const client = this._client;
    if (client._state.blocked) return deferWhileBlocked(client, () => this.execAsPipeline());
    const queue = this._queue;
    this._queue = [];
    let argvs;
    try {
      argvs = queue.map(({ args }) => plainArgs(args)); // caller's getters run here, once
      for (const args of argvs) checkArgs(args);
    } catch (err) {
      return Promise.reject(err);
    }
    return this._runPipeline(queue, argvs);
  }

  async _runPipeline(queue, argvs) {
    const client = this._client;
    const replies = [];
    for (const args of argvs) {
      let reply = client._execRaw(args);
      if (reply === BLOCKED) reply = await waitBlocked(client, undefined).catch((err) => err);
      replies.push(reply);
    }
    const firstError = replies.find((r) => r instanceof SimpleError);
    if (firstError) throw firstError;
    return transformReplies(queue, replies, false);
  }
}

// Transform each reply with its command's transform; collect errors as node-redis does.
function transformReplies(queue, replies, asMulti) {
  const errorIndexes = [];
  const out = replies.map((reply, i) => {
    if (reply instanceof SimpleError) {
      errorIndexes.push(i);
      return reply;
    }
    const t = queue[i].transformReply;
    return t ? t(reply) : reply;
  });
  if (asMulti && errorIndexes.length) throw new MultiErrorReply(out, errorIndexes);
  return out;
}

attachCommands(RedisMulti.prototype, '_queueCommand');

module.exports = { RedisMulti };

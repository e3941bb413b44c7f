'use strict';

// node-redis's error classes, with the same names, hierarchy and messages (users test
// `instanceof` and `err.message`). As in node-redis, `err.name` stays 'Error'.

class ErrorReply extends Error {}
// A `-ERR ...`-style reply from the server; message is the text without the dash.
class SimpleError extends ErrorReply {}
class BlobError extends ErrorReply {}

class MultiErrorReply extends ErrorReply {
  constructor(replies, errorIndexes) {
    super(`${errorIndexes.length} commands failed, see .replies and .errorIndexes for more information`);
    this.replies = replies;
    this.errorIndexes = errorIndexes;
  }

  * errors() {
    for (const index of this.errorIndexes) yield this.replies[index];
  }
}

class WatchError extends Error {
  constructor(message = 'One (or more) of the watched keys has been changed') {
    super(message);
  }
}

class ClientClosedError extends Error {
  constructor() {
    super('The client is closed');
  }
}

class ClientOfflineError extends Error {
  constructor() {
    super('The client is offline');
  }
}

class DisconnectsClientError extends Error {
  constructor() {
    super('Disconnects client');
  }
}

class SocketClosedUnexpectedlyError extends Error {
  constructor() {
    super('Socket closed unexpectedly');
  }
}

class ConnectionTimeoutError extends Error {
  constructor() {
    super('Connection timeout');
  }
}

class TimeoutError extends Error {
  constructor() {
    super('');
  }
}

class AbortError extends Error {
  constructor() {
    super('The command was aborted');
  }
}

class ReconnectStrategyError extends Error {
  constructor(originalError, socketError) {
    super(originalError.message);
    this.originalError = originalError;
    this.socketError = socketError;
  }
}

module.exports = {
  ErrorReply,
  SimpleError,
  BlobError,
  MultiErrorReply,
  WatchError,
  ClientClosedError,
  ClientOfflineError,
  DisconnectsClientError,
  SocketClosedUnexpectedlyError,
  ConnectionTimeoutError,
  TimeoutError,
  AbortError,
  ReconnectStrategyError
};

import NIOCore

/// Bridges the message stream's back-pressure to the session handler's socket reads.
///
/// Serves STANDARD.md 1.1.29–1.1.35 (bounded buffering between broker and ingest).
struct MQTTReadDemand: NIOAsyncSequenceProducerDelegate {
    let handler: NIOLoopBound<MQTTSessionHandler>

    func produceMore() {
        let handler = self.handler
        if handler.eventLoop.inEventLoop {
            handler.value.consumerDemandsMore()
        } else {
            handler.eventLoop.execute { handler.value.consumerDemandsMore() }
        }
    }

    func didTerminate() {
        let handler = self.handler
        handler.eventLoop.execute { handler.value.consumerTerminated() }
    }
}

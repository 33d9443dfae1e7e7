import Controller

/// The operator reports Events through Controller's recorder (series, spam filter).
extension EventRecorder: EventSink {}

import Testing

/// Every suite that runs a server nests in here: `.serialized` keeps them one at a time so the
/// descriptor count test sees only its own server, and a small machine is not flooded.
@Suite(.serialized, .timeLimit(.minutes(1))) struct ServerSuites {}

import Testing

/// Suites that start servers and run kubectl or curl: serialized, because a few dozen kubectl
/// processes at once on a small shared machine make every one of them slow.
@Suite(.serialized)
enum ClusterTests {}

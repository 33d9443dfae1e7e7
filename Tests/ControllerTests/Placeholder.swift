import Testing
@testable import Controller

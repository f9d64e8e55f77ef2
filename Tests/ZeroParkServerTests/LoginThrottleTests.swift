import Foundation
import Testing
@testable import ZeroParkServer

/// Login throttling (issue #6 defect 7): guessing is slowed by a doubling delay per (user, client
/// address) and per address, and a guesser elsewhere never locks the rightful user out.
struct LoginThrottleTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("five free failures, then the delay doubles: 1 s, 2 s, 4 s … up to 15 minutes")
    func doublingDelay() async {
        let throttle = LoginThrottle()
        for attempt in 0..<5 {
            #expect(await throttle.wait(username: "viewer", address: "10.0.0.9", now: start) == nil, "attempt \(attempt) is free")
            await throttle.recordFailure(username: "viewer", address: "10.0.0.9", now: start)
        }
        // 5 failures: 2^(5-5) = 1 s to wait.
        #expect(await throttle.wait(username: "viewer", address: "10.0.0.9", now: start) == 1)
        #expect(await throttle.wait(username: "viewer", address: "10.0.0.9", now: start.addingTimeInterval(1)) == nil)
        await throttle.recordFailure(username: "viewer", address: "10.0.0.9", now: start.addingTimeInterval(1))
        // 6 failures: 2^1 = 2 s after the last failure.
        #expect(await throttle.wait(username: "viewer", address: "10.0.0.9", now: start.addingTimeInterval(1.5)) == 1.5)
        // 40 failures: 2^35 s would be years; the cap is 15 minutes.
        #expect(await throttle.delay(failures: 40, free: 5) == 900)
    }

    @Test("a guesser at another address does not delay the rightful user; a success clears the pair")
    func noLockout() async {
        let throttle = LoginThrottle()
        for _ in 0..<25 { await throttle.recordFailure(username: "manager", address: "203.0.113.7", now: start) }
        #expect(await throttle.wait(username: "manager", address: "203.0.113.7", now: start) != nil)
        #expect(await throttle.wait(username: "manager", address: "198.51.100.2", now: start) == nil)
        for _ in 0..<5 { await throttle.recordFailure(username: "viewer", address: "198.51.100.2", now: start) }
        await throttle.recordSuccess(username: "viewer", address: "198.51.100.2")
        #expect(await throttle.wait(username: "viewer", address: "198.51.100.2", now: start) == nil)
    }

    @Test("an address spraying many usernames is delayed after 30 failures, whichever name it tries next")
    func spraying() async {
        let throttle = LoginThrottle()
        for index in 0..<30 { await throttle.recordFailure(username: "user\(index)", address: "192.0.2.1", now: start) }
        // 30 failures from the address: 2^(30-30) = 1 s, for a name it never tried.
        #expect(await throttle.wait(username: "someone-new", address: "192.0.2.1", now: start) == 1)
        #expect(await throttle.wait(username: "someone-new", address: "192.0.2.2", now: start) == nil)
    }

    @Test("failures older than the window are forgotten; tracked keys stay bounded")
    func expiryAndBound() async {
        var policy = LoginThrottle.Policy()
        policy.maxTrackedKeys = 100
        let throttle = LoginThrottle(policy: policy)
        for _ in 0..<10 { await throttle.recordFailure(username: "viewer", address: "10.1.1.1", now: start) }
        #expect(await throttle.wait(username: "viewer", address: "10.1.1.1", now: start.addingTimeInterval(3_601)) == nil)
        for index in 0..<1_000 { await throttle.recordFailure(username: "u\(index)", address: "10.2.\(index / 250).\(index % 250)", now: start) }
        #expect(await throttle.trackedKeys <= 100)
    }
}

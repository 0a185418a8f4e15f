// Every constant that shapes how the game feels, in one place, with the reason for each.
#pragma once

namespace cw::tuning {

constexpr int kTicksPerSecond = 60;
constexpr double kDt = 1.0 / kTicksPerSecond;

// The raft: about 2.4 m by 1.6 m and 180 kg with its paddler.
constexpr double kRaftLength = 2.4;
constexpr double kRaftWidth = 1.6;
constexpr double kRaftMass = 180.0;
// Where the raft starts, metres down the centre line (clear of the river's first bank corner).
constexpr double kRaftStartMetres = 6.0;

// Water drag toward the local water velocity, per second: linear plus quadratic in the
// relative speed. The keel makes sideways drag far stronger than lengthways.
constexpr double kDragAlong = 0.6, kDragAlongQuad = 0.25;
constexpr double kDragAcross = 2.2, kDragAcrossQuad = 0.8;
constexpr double kSpinDrag = 2.5;       // angular damping toward no spin, per second
constexpr double kWeathervane = 0.9;    // how strongly the raft turns to face the current

// Paddling: a stroke cycle while the paddle is held; the push is strongest mid-stroke.
constexpr double kStrokePeriod = 0.5;   // seconds per stroke
constexpr double kPaddleAccel = 2.6;    // m/s^2 at full strength, mostly sideways
constexpr double kPaddleForwardShare = 0.3;
constexpr double kPaddleTurn = 1.1;     // rad/s^2 of yaw toward the stroke side
// Strokes are weaker when composure is low, and while breathing (the hands are busy calming).
constexpr double kStrengthAtZeroComposure = 0.45;
constexpr double kStrengthWhileBreathing = 0.55;

// Waves: random shoves in rough water, rarer and softer inside the breathing calm.
constexpr double kWaveChancePerTick = 0.07;   // times r^2
constexpr double kWaveKick = 1.1;             // m/s times r

// Jolts: a hard hit on a rock or a bank.
constexpr double kJoltSpeed = 1.1;            // m/s of velocity change that counts as a hard hit
constexpr int kJoltCooldownTicks = 40;
constexpr double kJoltComposure = 5.0;        // composure lost per jolt (plus more for harder hits)
constexpr double kJoltIntensity = 3.0;        // the caller hears the thud and gets edgier

// Composure: rough water wears on you; steady breathing restores you.
constexpr double kRoughWear = 0.35;           // composure per second at roughness 1
constexpr double kBreathRestore = 2.2;        // composure per second while breathing in rhythm

// Breathing calm around the raft.
constexpr double kCalmGrowth = 1.0 / 3.0;     // per second in rhythm
constexpr double kCalmDecay = 1.0 / 5.0;      // per second otherwise
constexpr double kCalmRadius = 9.0;           // metres

// One slow breath in rhythm (in, and out) ended this long before a reply counts as taking a
// breath before answering: the moment just before, not a minute of breathing exercises earlier.
constexpr double kBreathBeforeReplySeconds = 12.0;

// Dialogue: a question jumps forward when its fork is this close, so the raft never reaches
// a fork before the caller has asked the question that belongs to it.
constexpr double kQuestionLeadMetres = 45.0;
// A call that has not ended after this long is stopped (a stranded raft, a broken level).
constexpr int kMaxTicks = 60 * 60 * 15;

}  // namespace cw::tuning

"""Writes activity.csv, the sample of docs/training.md's "A CSV file of classes" (under "Your own data").

A simulated wrist sensor read 10 times a second from 9:00: the time (text, so no model reads it), the acceleration
along three axes (in g) and what the wearer was doing. Sitting and standing hold the sensor still at two different
tilts; walking (about 2 steps a second) and running (about 3, harder) shake it. One row cannot tell walking from
running, since a swing passes through every value: a window of rows can. The activities come in stretches of 4 to
16 seconds, in a random order. Run it with python3 (numpy) in this folder; the same seed gives the same file.
"""
import numpy as np

rng = np.random.default_rng(3)
TILT = {"sitting": (0.35, 0.10, 0.93), "standing": (0.05, 0.97, 0.20),
        "walking": (0.10, 0.95, 0.25), "running": (0.15, 0.90, 0.30)}
SHAKE = {"sitting": (0.0, 0.0), "standing": (0.0, 0.0), "walking": (0.30, 2.0), "running": (0.90, 3.0)}
rows, t, last = [], 0, None
while len(rows) < 1800:
    activity = rng.choice([a for a in TILT if a != last])
    last = activity
    amplitude, steps = SHAKE[activity]
    phase = rng.uniform(0, 2 * np.pi)
    steps *= rng.uniform(0.85, 1.15)
    for _ in range(rng.integers(40, 161)):
        swing = amplitude * np.sin(2 * np.pi * steps * t / 10 + phase)
        x, y, z = (g + rng.normal(0, 0.04) for g in TILT[activity])
        clock = "09:%02d:%04.1f" % (t // 600, t % 600 / 10)   # text, so not read as an input
        rows.append((clock, x + 0.5 * swing, y + swing, z - 0.3 * swing, activity))
        t += 1
with open("activity.csv", "w") as f:
    f.write("time,acc_x,acc_y,acc_z,activity\n")
    for r in rows[:1800]:
        f.write("%s,%.3f,%.3f,%.3f,%s\n" % r)

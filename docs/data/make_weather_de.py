"""Writes weather-de.csv, the sample of docs/training.md's rule for decimal commas (under "Your own data").

Two weeks of simulated hourly readings from a weather station, saved as a spreadsheet in a German locale saves a
CSV file: fields separated by semicolons, numbers written with a decimal comma (12,5 for 12.5) and the time as a
German date (text, so no model reads it). The temperature follows the day and a slower change of the weather; the
humidity falls as the temperature rises. Run it with python3 (numpy) in this folder; the same seed gives the same
file.
"""
import numpy as np

rng = np.random.default_rng(7)
HOURS = 14 * 24
weather = np.cumsum(rng.normal(0, 0.35, HOURS))   # the slow change from day to day
with open("weather-de.csv", "w") as f:
    f.write("Zeit;Temperatur;Luftfeuchte\n")
    for h in range(HOURS):
        day, hour = divmod(h, 24)
        temperature = 9 + 5 * np.sin(2 * np.pi * (hour - 9) / 24) + weather[h] + rng.normal(0, 0.3)
        humidity = np.clip(78 - 3.2 * (temperature - 9) + rng.normal(0, 2), 20, 100)
        row = "%02d.03.2024 %02d:00;%.1f;%.1f\n" % (day + 1, hour, temperature, humidity)
        f.write(row.replace(".", ",").replace(",03,2024", ".03.2024"))

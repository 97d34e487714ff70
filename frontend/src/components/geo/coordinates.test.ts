import { describe, expect, it } from 'vitest';
import { asCoordinates, coordinatesToPoint, nudge, pointToCoordinates } from './coordinates';

describe('coordinates on a plate carrée surface', () => {
  it('maps the corners and the centre', () => {
    expect(pointToCoordinates(0, 0, 360, 180)).toEqual({ latitude: 90, longitude: -180 });
    expect(pointToCoordinates(180, 90, 360, 180)).toEqual({ latitude: 0, longitude: 0 });
    expect(pointToCoordinates(720, 360, 720, 360)).toEqual({ latitude: -90, longitude: 180 });
  });

  it('round-trips a point (Madrid) at any surface size', () => {
    const madrid = { latitude: 40.4168, longitude: -3.7038 };
    const point = coordinatesToPoint(madrid, 480, 240);
    expect(pointToCoordinates(point.x, point.y, 480, 240)).toEqual(madrid);
  });

  it('clamps clicks outside the surface to the globe', () => {
    expect(pointToCoordinates(-10, 500, 360, 180)).toEqual({ latitude: -90, longitude: -180 });
  });

  it('nudges by degrees without leaving the globe', () => {
    expect(nudge({ latitude: 89.5, longitude: 179 }, 1, 10)).toEqual({ latitude: 90, longitude: 180 });
    expect(nudge({ latitude: 0, longitude: 0 }, -10, -1)).toEqual({ latitude: -10, longitude: -1 });
  });

  it('reads typed inputs: both numbers on the globe, or nothing', () => {
    expect(asCoordinates(-33.45, '-70.66')).toEqual({ latitude: -33.45, longitude: -70.66 });
    expect(asCoordinates('', 10)).toBeNull();
    expect(asCoordinates(91, 10)).toBeNull();
    expect(asCoordinates('abc', 10)).toBeNull();
  });
});

/**
 * Plate carrée (equirectangular) projection between a picker's surface and coordinates: x grows
 * with longitude, y falls with latitude. No map tiles are involved, so it works offline.
 */

export interface Coordinates {
  latitude: number;
  longitude: number;
}

const round = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** A point on a `width`×`height` surface → coordinates (clamped to the globe, 4 decimals ≈ 11 m). */
export function pointToCoordinates(x: number, y: number, width: number, height: number): Coordinates {
  const longitude = clamp((x / width) * 360 - 180, -180, 180);
  const latitude = clamp(90 - (y / height) * 180, -90, 90);
  return { latitude: round(latitude, 4), longitude: round(longitude, 4) };
}

/** Coordinates → the point on a `width`×`height` surface. */
export function coordinatesToPoint(coordinates: Coordinates, width: number, height: number): { x: number; y: number } {
  return {
    x: ((clamp(coordinates.longitude, -180, 180) + 180) / 360) * width,
    y: ((90 - clamp(coordinates.latitude, -90, 90)) / 180) * height,
  };
}

/** Move by whole degrees (arrow keys), staying on the globe. */
export function nudge(coordinates: Coordinates, dLatitude: number, dLongitude: number): Coordinates {
  return {
    latitude: round(clamp(coordinates.latitude + dLatitude, -90, 90), 4),
    longitude: round(clamp(coordinates.longitude + dLongitude, -180, 180), 4),
  };
}

/** Both numbers typed and on the globe; anything else is no point to draw. */
export function asCoordinates(latitude: number | string, longitude: number | string): Coordinates | null {
  const lat = typeof latitude === 'number' ? latitude : latitude.trim() === '' ? NaN : Number(latitude);
  const lng = typeof longitude === 'number' ? longitude : longitude.trim() === '' ? NaN : Number(longitude);
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  if (lat < -90 || lat > 90 || lng < -180 || lng > 180) return null;
  return { latitude: lat, longitude: lng };
}

import { Box, Text } from '@mantine/core';
import type { KeyboardEvent, MouseEvent } from 'react';
import { useComponentsTranslation } from '../i18n';
import { asCoordinates, coordinatesToPoint, nudge, pointToCoordinates, type Coordinates } from './coordinates';

interface CoordinatePickerProps {
  latitude: number | string;
  longitude: number | string;
  onPick: (coordinates: Coordinates) => void;
}

const WIDTH = 360;
const HEIGHT = 180;
const MERIDIANS = Array.from({ length: 11 }, (_, i) => (i + 1) * 30);
const PARALLELS = Array.from({ length: 5 }, (_, i) => (i + 1) * 30);

/**
 * A schematic world (a graticule every 30°, the equator and Greenwich stressed) to pick a point
 * by clicking, or with the arrow keys (1°, Shift 10°). It draws no map tiles, so it works with no
 * tile server reachable; exact positions are typed in the latitude/longitude inputs next to it.
 */
export function CoordinatePicker({ latitude, longitude, onPick }: CoordinatePickerProps) {
  const { t } = useComponentsTranslation();
  const current = asCoordinates(latitude, longitude);
  const marker = current ? coordinatesToPoint(current, WIDTH, HEIGHT) : null;

  const pick = (event: MouseEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    onPick(pointToCoordinates(event.clientX - box.left, event.clientY - box.top, box.width, box.height));
  };

  const keys = (event: KeyboardEvent<SVGSVGElement>) => {
    const step = event.shiftKey ? 10 : 1;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [step, 0],
      ArrowDown: [-step, 0],
      ArrowLeft: [0, -step],
      ArrowRight: [0, step],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    onPick(nudge(current ?? { latitude: 0, longitude: 0 }, move[0], move[1]));
  };

  return (
    <Box>
      {/* The border is on a wrapper, so the drawing's box is exactly the globe (clicks map 1:1). */}
      <Box
        maw={480}
        style={{
          border: '1px solid var(--mantine-color-gray-4)',
          borderRadius: 'var(--mantine-radius-sm)',
          overflow: 'hidden',
          lineHeight: 0,
        }}
      >
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="application"
          aria-label={t('geo.picker')}
          aria-roledescription={t('geo.picker')}
          tabIndex={0}
          onClick={pick}
          onKeyDown={keys}
          style={{
            width: '100%',
            aspectRatio: '2 / 1',
            cursor: 'crosshair',
            background: 'var(--mantine-color-blue-0)',
            display: 'block',
          }}
        >
          {MERIDIANS.map((x) => (
            <line key={`m${x}`} x1={x} y1={0} x2={x} y2={HEIGHT} stroke="#adb5bd" strokeWidth={x === 180 ? 0.8 : 0.3} />
          ))}
          {PARALLELS.map((y) => (
            <line key={`p${y}`} x1={0} y1={y} x2={WIDTH} y2={y} stroke="#adb5bd" strokeWidth={y === 90 ? 0.8 : 0.3} />
          ))}
          {marker && current && (
            <g>
              <title>{t('geo.marker', { latitude: current.latitude, longitude: current.longitude })}</title>
              <circle cx={marker.x} cy={marker.y} r={4} fill="#e03131" stroke="#fff" strokeWidth={1.2} />
            </g>
          )}
        </svg>
      </Box>
      <Text size="xs" c="dimmed" mt={4}>
        {t('geo.pickerHint')}
      </Text>
    </Box>
  );
}

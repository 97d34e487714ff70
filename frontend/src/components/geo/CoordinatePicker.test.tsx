import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { CoordinatePicker } from './CoordinatePicker';

function renderPicker(latitude: number | string, longitude: number | string) {
  const onPick = vi.fn();
  renderWithProviders(<CoordinatePicker latitude={latitude} longitude={longitude} onPick={onPick} />);
  const surface = screen.getByRole('application', { name: 'Selector de coordenadas' });
  return { onPick, surface };
}

describe('CoordinatePicker', () => {
  it('picks the coordinates under a click, with no map tiles involved', () => {
    const { onPick, surface } = renderPicker('', '');
    surface.getBoundingClientRect = () => ({ left: 10, top: 20, width: 360, height: 180 }) as DOMRect;
    fireEvent.click(surface, { clientX: 10 + 180 + 90, clientY: 20 + 45 });
    expect(onPick).toHaveBeenCalledWith({ latitude: 45, longitude: 90 });
    expect(document.querySelector('image, img')).toBeNull();
  });

  it('moves the point with the arrow keys (Shift: 10°)', () => {
    const { onPick, surface } = renderPicker(40, -3);
    fireEvent.keyDown(surface, { key: 'ArrowUp' });
    expect(onPick).toHaveBeenLastCalledWith({ latitude: 41, longitude: -3 });
    fireEvent.keyDown(surface, { key: 'ArrowLeft', shiftKey: true });
    expect(onPick).toHaveBeenLastCalledWith({ latitude: 40, longitude: -13 });
  });

  it('marks the typed point and names it', () => {
    renderPicker(-33.45, -70.66);
    expect(screen.getByText('Punto elegido: -33.45, -70.66')).toBeInTheDocument();
  });

  it('draws no marker without both coordinates', () => {
    renderPicker(10, '');
    expect(screen.queryByText(/Punto elegido/)).not.toBeInTheDocument();
  });
});

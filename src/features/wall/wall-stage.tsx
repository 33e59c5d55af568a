import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { designUnit, fitStage, layoutOf, type Size } from './design-scale';

const screenSize = (): Size => ({ width: window.innerWidth, height: window.innerHeight });

/** The window's size, following resizes (and a handheld turned on its side). */
export function useScreenSize(): Size {
  const [screen, setScreen] = useState(screenSize);
  useEffect(() => {
    const onResize = () => setScreen(screenSize());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return screen;
}

/**
 * The design-sized stage, scaled as one piece to fit the screen exactly (letterboxed when the shapes differ):
 * nothing reflows, so nothing can wrap, clip or scroll on a wall that differs from the test's.
 */
export function WallStage({ design, children }: { design: Size; children: ReactNode }) {
  const screen = useScreenSize();
  const fit = fitStage(design, screen);
  const style: CSSProperties & Record<'--wall-unit', string> = {
    width: design.width,
    height: design.height,
    transform: `translate(${fit.left}px, ${fit.top}px) scale(${fit.scale})`,
    '--wall-unit': `${designUnit(design)}px`,
  };
  return (
    <div className="wall-screen">
      <div className="wall-stage" style={style} data-layout={layoutOf(design)} data-scale={fit.scale}>
        {children}
      </div>
    </div>
  );
}

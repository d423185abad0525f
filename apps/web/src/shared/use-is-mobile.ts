import { Grid } from 'antd';

/** True below the `md` breakpoint (768px): phones and small tablets. */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined; assume desktop.
  return screens.md === false;
}

// The palette lives in the contract so that the UI and the exports colour statuses alike.
export { STATUS_PALETTE, paletteColour } from '../../../electron/contract/palette';

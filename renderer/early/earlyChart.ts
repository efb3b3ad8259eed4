import { askEarlyChart } from './earlyLoad';

// Imported first by main.tsx: the chart is asked for as the bundle's evaluation starts (earlyLoad.ts).
askEarlyChart();

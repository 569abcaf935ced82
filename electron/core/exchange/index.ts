/**
 * Exchange with NVivo, MAXQDA, ATLAS.ti, QualCoder and other QDA programs through the REFI-QDA standard
 * (QDA-XML 1.0): .qdpx projects and .qdc codebooks. See docs/refi-qda.md.
 */
export { exportQdc, exportQdpx, type QdcExportResult, type QdpxCounts, type QdpxExportOptions, type QdpxExportResult } from './export';
export {
  importQdc,
  importQdpx,
  previewQdpx,
  type ImportCounts,
  type ImportReport,
  type NormStageTarget,
  type PreviewCode,
  type QdpxImportOptions,
  type QdpxPreview,
  type SkippedItem,
} from './import';
export { DEFAULT_LIMITS, type ArchiveLimits } from './archive';

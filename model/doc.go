// Package model is Parallax's shared data model: documents, spans,
// annotations (tokens, mentions, temporal expressions, quantities, quotes),
// cross-document results (entities, timeline events, facts, stories), the
// dossier that bundles them, and the Store interface that persists them.
//
// Every pipeline stage reads and writes these types, so a value produced by
// one stage can be handed to the next without conversion. Positions are
// always half-open byte ranges [Start, End) into a document's cleaned Text;
// anything else (line/column, UTF-16 offsets for a browser) is derived when
// displayed.
package model

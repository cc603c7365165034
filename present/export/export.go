// Package export writes a story for other tools: followthemoney (FtM)
// entities as JSON lines for Aleph and the ftm tools, CSV with one row per
// statement (plain, or Excel-friendly with a byte-order mark), and the JSON
// dossier and Markdown report. Every format carries the users' decisions.
//
// In: a dossier (decisions applied, as the store returns it). Out: bytes on
// an io.Writer, written as they are produced: the CSV and FtM writers never
// hold more than one row or entity besides the dossier itself.
package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/present/discrepancy"
	"github.com/parallaxnews/parallax/present/dossier"
)

// Format is an export format.
type Format string

const (
	FtM      Format = "ftm"
	CSV      Format = "csv"
	ExcelCSV Format = "csv-excel"
	JSON     Format = "json"
	Markdown Format = "markdown"
	// HTML is the standalone report of present/web; this package does not
	// write it (callers use report.Write), but it is a format users ask for.
	HTML Format = "html"
)

// Formats lists every format in the order help texts show them.
var Formats = []Format{FtM, CSV, ExcelCSV, JSON, Markdown, HTML}

// ParseFormat reads a --format or ?format= value.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "ftm", "followthemoney", "jsonl":
		return FtM, nil
	case "csv":
		return CSV, nil
	case "csv-excel", "excel", "xlsx-csv":
		return ExcelCSV, nil
	case "json", "dossier":
		return JSON, nil
	case "markdown", "md":
		return Markdown, nil
	case "html", "htm":
		return HTML, nil
	}
	return "", fmt.Errorf("unknown export format %q (want ftm, csv, csv-excel, json, markdown or html)", s)
}

// ContentType is the MIME type of a format, for HTTP responses.
func (f Format) ContentType() string {
	switch f {
	case FtM:
		return "application/x-ndjson; charset=utf-8"
	case CSV, ExcelCSV:
		return "text/csv; charset=utf-8"
	case JSON:
		return "application/json; charset=utf-8"
	case Markdown:
		return "text/markdown; charset=utf-8"
	}
	return "text/html; charset=utf-8"
}

// Extension is the file name extension of a format.
func (f Format) Extension() string {
	switch f {
	case FtM:
		return ".ftm.json"
	case CSV:
		return ".csv"
	case ExcelCSV:
		return ".excel.csv"
	case JSON:
		return ".json"
	case Markdown:
		return ".md"
	}
	return ".html"
}

// Write writes d in format f. storyID names the story in CSV rows and FtM
// IDs.
func Write(w io.Writer, d *model.Dossier, storyID string, f Format) error {
	switch f {
	case FtM:
		return WriteFtM(w, d, storyID)
	case CSV:
		return WriteCSV(w, d, storyID, false)
	case ExcelCSV:
		return WriteCSV(w, d, storyID, true)
	case JSON:
		return dossier.WriteJSON(w, d)
	case Markdown:
		return discrepancy.Write(w, d)
	}
	return fmt.Errorf("export format %q is not written by this package", f)
}

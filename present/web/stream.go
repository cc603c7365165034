package web

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"reflect"
	"strings"
)

// writeJSONStream writes v, a struct, as one JSON object, encoding slice
// fields one element at a time. encoding/json builds a whole value in
// memory before writing it, which for a big story's dossier is tens of MB
// per request; this way a request holds one element at a time.
func writeJSONStream(w http.ResponseWriter, v any) error {
	w.Header().Set("Content-Type", jsonContentType)
	w.Header().Set("Cache-Control", "no-store")
	return streamJSON(w, v)
}

const jsonContentType = "application/json; charset=utf-8"

// streamJSON writes v, a struct, to w as writeJSONStream does.
func streamJSON(w io.Writer, v any) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := streamObject(bw, reflect.Indirect(reflect.ValueOf(v))); err != nil {
		return err
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

func streamObject(w *bufio.Writer, v reflect.Value) error {
	t := v.Type()
	w.WriteByte('{')
	first := true
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if !first {
			w.WriteByte(',')
		}
		first = false
		key, _ := json.Marshal(name)
		w.Write(key)
		w.WriteByte(':')
		fv := v.Field(i)
		if fv.Kind() != reflect.Slice || fv.IsNil() {
			if err := writeValue(w, fv.Interface()); err != nil {
				return err
			}
			continue
		}
		w.WriteByte('[')
		for j := range fv.Len() {
			if j > 0 {
				w.WriteByte(',')
			}
			if err := writeValue(w, fv.Index(j).Interface()); err != nil {
				return err
			}
		}
		w.WriteByte(']')
	}
	w.WriteByte('}')
	return nil
}

func writeValue(w *bufio.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

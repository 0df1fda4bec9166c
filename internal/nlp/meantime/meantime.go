// Package meantime reads the entity layer of MEANTIME CAT XML files
// (Wikinews articles with tokens, entity mentions, entities and the
// REFERS_TO links between them). Entity training and the coreference
// scorer read the same files through it.
package meantime

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
)

// maxFile bounds how much of one file is read.
const maxFile = 64 << 20

// Doc is the part of a CAT file vigil reads.
type Doc struct {
	Tokens []struct {
		ID       string `xml:"t_id,attr"`
		Sentence int    `xml:"sentence,attr"`
		Text     string `xml:",chardata"`
	} `xml:"token"`
	Markables struct {
		Mentions []struct {
			ID      string `xml:"m_id,attr"`
			Syntax  string `xml:"syntactic_type,attr"`
			Anchors []struct {
				ID string `xml:"t_id,attr"`
			} `xml:"token_anchor"`
		} `xml:"ENTITY_MENTION"`
		Entities []struct {
			ID   string `xml:"m_id,attr"`
			Type string `xml:"ent_type,attr"`
		} `xml:"ENTITY"`
	} `xml:"Markables"`
	Relations struct {
		RefersTo []struct {
			Sources []struct {
				ID string `xml:"m_id,attr"`
			} `xml:"source"`
			Target struct {
				ID string `xml:"m_id,attr"`
			} `xml:"target"`
		} `xml:"REFERS_TO"`
	} `xml:"Relations"`
}

// ReadFile decodes the CAT file at path.
func ReadFile(path string) (*Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read meantime: %w", err)
	}
	defer f.Close()
	doc, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("read meantime %s: %w", path, err)
	}
	return doc, nil
}

// Read decodes one CAT document from r, reading at most 64 MB.
func Read(r io.Reader) (*Doc, error) {
	var doc Doc
	if err := xml.NewDecoder(io.LimitReader(r, maxFile)).Decode(&doc); err != nil {
		return nil, fmt.Errorf("decode cat xml: %w", err)
	}
	return &doc, nil
}

-- DOCX: a table of contents whose entries are already filled in (the chapter titles), so that
-- LibreOffice shows it as it is; Word renews it, with page numbers, when the document opens
-- (the field is marked dirty). Used instead of pandoc's --toc, which leaves the field empty.

local function escape(text)
  return (text:gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;"))
end

local FIELD = '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
  .. '<w:r><w:instrText xml:space="preserve">TOC \\o "1-1" \\h \\z \\u</w:instrText></w:r>'
  .. '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
local FIELD_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'

function Pandoc(doc)
  local chapters = {}
  for _, block in ipairs(doc.blocks) do
    if block.t == "Header" and block.level == 1 then
      chapters[#chapters + 1] = escape(pandoc.utils.stringify(block))
    end
  end
  if #chapters == 0 then
    return nil
  end
  local title = doc.meta["toc-title"] and pandoc.utils.stringify(doc.meta["toc-title"]) or "Contents"
  local xml = {
    '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
      .. '<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>',
    '<w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr><w:r><w:t xml:space="preserve">'
      .. escape(title) .. '</w:t></w:r></w:p>',
  }
  for n, chapter in ipairs(chapters) do
    local runs = (n == 1 and FIELD or "")
      .. '<w:r><w:t xml:space="preserve">' .. chapter .. '</w:t></w:r>'
      .. (n == #chapters and FIELD_END or "")
    xml[#xml + 1] = '<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>' .. runs .. '</w:p>'
  end
  xml[#xml + 1] = '</w:sdtContent></w:sdt>'
  table.insert(doc.blocks, 1, pandoc.RawBlock("openxml", table.concat(xml)))
  return doc
end

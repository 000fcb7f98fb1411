-- The pandoc filter of every leercyclus conversion: the document keeps only what the build
-- made. An image is kept only when it is one of the build's own charts (named in
-- LEERCYCLUS_CHARTS): for DOCX its PNG is read here, from the build's folder, because pandoc
-- itself runs with --sandbox and reads no file. Every other image becomes its description. A
-- link keeps its text; only web, e-mail and in-document links stay links. Raw HTML, Typst,
-- OpenXML and TeX, which a repository's template could write, are dropped.

local charts = {}
for name in (os.getenv("LEERCYCLUS_CHARTS") or ""):gmatch("%S+") do
  charts[name] = true
end
local folder = os.getenv("LEERCYCLUS_CHART_FOLDER") or "."

function Image(image)
  if not charts[image.src] then
    return image.caption
  end
  if FORMAT == "docx" then
    local file = image.src .. ".png"
    local handle = io.open(folder .. "/" .. file, "rb")
    if handle == nil then
      return image.caption
    end
    local contents = handle:read("a")
    handle:close()
    pandoc.mediabag.insert(file, "image/png", contents)
    image.src = file
  else
    image.src = image.src .. ".svg"
  end
  return image
end

function Link(link)
  local target = link.target
  if target:match("^https?://") or target:match("^mailto:") or target:match("^#") then
    return link
  end
  return link.content
end

function RawInline()
  return {}
end

function RawBlock()
  return {}
end

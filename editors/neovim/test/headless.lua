-- Headless end-to-end test of the plugin against the real server.
-- Run: WHOSAID_SERVER=/path/to/whosaid WHOSAID_SEED=seed.txt WHOSAID_FINDINGS=doc.txt \
--        nvim --headless -u NONE -c "luafile editors/neovim/test/headless.lua"
-- Works on Neovim 0.7 (fallback path) and 0.11+ (vim.lsp.config path).
-- Prints what came back and exits 0 only when every assertion holds.
local here = debug.getinfo(1, "S").source:sub(2):match("(.*)/test/[^/]*$")
vim.opt.runtimepath:prepend(here)
vim.cmd("filetype on")

-- An error outside the pcall below would leave headless Neovim running: quit.
local function required_env(name)
  local value = os.getenv(name)
  if not value then
    io.stdout:write("FAILED: " .. name .. " is not set\n")
    vim.cmd("cquit! 2")
  end
  return value
end
local server = required_env("WHOSAID_SERVER")
local seed = required_env("WHOSAID_SEED")
local findings_doc = required_env("WHOSAID_FINDINGS")
local TIMEOUT_MS = 20000

local report = dofile(here .. "/test/report.lua")
local log, check, all_clients = report.log, report.check, report.clients
local function finish()
  report.finish("neovim")
end

local function whosaid_client(bufnr)
  local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = bufnr })
    or vim.lsp.buf_get_clients(bufnr)
  for _, client in pairs(clients) do
    if client.name == "whosaid" then
      return client
    end
  end
end

-- Diagnostics arrive as notifications; remember which documents got them.
local diagnosed = {}
local publish = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
  if result then
    diagnosed[result.uri] = true
  end
  return publish(err, result, ctx, config)
end

-- Column of a byte offset in the client's position encoding: count UTF-8 lead
-- bytes (LuaJIT has no utf8 library); a 4-byte character is 2 UTF-16 units.
local function column(line, byte, encoding)
  if encoding == "utf-8" then
    return byte
  end
  local units = 0
  for ch in line:sub(1, byte):gmatch("[%z\1-\127\194-\244][\128-\191]*") do
    units = units + ((encoding == "utf-16" and #ch == 4) and 2 or 1)
  end
  return units
end

local function names_of(symbols, into)
  into = into or {}
  for _, symbol in ipairs(symbols or {}) do
    into[symbol.name] = true
    names_of(symbol.children, into)
  end
  return into
end

local function hover_text(contents)
  if type(contents) == "string" then
    return contents
  end
  if contents.value then
    return contents.value
  end
  local parts = {}
  for _, part in ipairs(contents) do
    table.insert(parts, type(part) == "string" and part or part.value)
  end
  return table.concat(parts, "\n")
end

local ok, err = pcall(function()
  log("neovim " .. tostring(vim.version().major) .. "." .. tostring(vim.version().minor)
    .. (vim.lsp.config and " (vim.lsp.config path)" or " (FileType fallback path)"))
  -- A non-default severity proves the settings reach the server.
  local settings = { serverPath = server, severity = { ["unattributed-quote"] = "error" } }
  check(require("whosaid").setup(settings), "setup found the server")

  vim.cmd("edit " .. vim.fn.fnameescape(seed))
  local bufnr = vim.api.nvim_get_current_buf()
  check(vim.bo[bufnr].filetype == "text", "seed article opens as filetype text")
  local uri = vim.uri_from_bufnr(bufnr)
  local attached = vim.wait(TIMEOUT_MS, function()
    local client = whosaid_client(bufnr)
    return client ~= nil and client.initialized ~= false and diagnosed[uri] == true
  end, 50)
  if not check(attached, "server attached and published diagnostics for the seed") then
    return
  end
  local client = whosaid_client(bufnr)

  -- Hover on quote 3, a few characters into its first word.
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local row, byte
  for i, line in ipairs(lines) do
    local at = line:find("reinforced the unquestionable necessity", 1, true)
    if at then
      row, byte = i - 1, at - 1 + 3
      break
    end
  end
  assert(row, "quote 3 not found in the seed article")
  local position = { line = row, character = column(lines[row + 1], byte, client.offset_encoding) }
  local hover = vim.lsp.buf_request_sync(bufnr, "textDocument/hover",
    { textDocument = { uri = uri }, position = position }, TIMEOUT_MS)
  local reply = hover and hover[client.id]
  local text = reply and reply.result and hover_text(reply.result.contents) or ""
  log("hover on quote 3:\n" .. text)
  check(text:find("Pat Ryder", 1, true) ~= nil, "hover on quote 3 names Pat Ryder")

  local symbols = vim.lsp.buf_request_sync(bufnr, "textDocument/documentSymbol",
    { textDocument = { uri = uri } }, TIMEOUT_MS)
  local names = names_of(symbols and symbols[client.id] and symbols[client.id].result)
  log("document symbols: " .. table.concat(vim.tbl_keys(names), ", "))
  for _, actor in ipairs({ "Pat Ryder", "Lloyd Austin", "Yoav Gallant", "Matthew Miller", "Antony Blinken" }) do
    check(names[actor], "document symbols include " .. actor)
  end

  -- The sources lens, as Neovim's own code lens support shows it.
  vim.lsp.codelens.refresh()
  local lens_title
  vim.wait(TIMEOUT_MS, function()
    for _, lens in ipairs(vim.lsp.codelens.get(bufnr) or {}) do
      lens_title = lens.command and lens.command.title
    end
    return lens_title ~= nil
  end, 50)
  log("code lens: " .. tostring(lens_title))
  check(lens_title == "Sources: 4 people, 2 documents", "the sources code lens")

  -- A Markdown document with findings: the unattributed quote shows with the
  -- configured severity (error; the server's default is warning).
  vim.cmd("edit " .. vim.fn.fnameescape(findings_doc))
  local doc = vim.api.nvim_get_current_buf()
  check(vim.bo[doc].filetype == "markdown", "findings document opens as filetype markdown")
  local got = vim.wait(TIMEOUT_MS, function()
    return diagnosed[vim.uri_from_bufnr(doc)] == true and #vim.diagnostic.get(doc) > 0
  end, 50)
  local summary = {}
  local flagged = false
  for _, d in ipairs(vim.diagnostic.get(doc)) do
    table.insert(summary, ("%d:%s:%s"):format(d.lnum + 1, tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)), d.message))
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if code == "unattributed-quote" and d.severity == vim.diagnostic.severity.ERROR and d.lnum == 0 then
      flagged = true
    end
  end
  log("diagnostics: " .. table.concat(summary, " | "))
  check(got and flagged, "unattributed quote on line 1 is an error, as configured")
end)
if not ok then
  check(false, "error: " .. tostring(err))
end
finish()

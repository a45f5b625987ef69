-- Neovim with no plugin at all: `vim.lsp.start{cmd = {"whosaid"}}` on a .txt file, as a
-- user configures it by hand. Neovim calls the file's language "text".
-- Run: WHOSAID_SERVER=/path/to/whosaid WHOSAID_SEED=seed.txt \
--        nvim --headless -u NONE -i NONE -c "luafile editors/neovim/test/bare.lua"
-- Prints what came back and exits 0 only when every assertion holds.
vim.cmd("filetype on")

local server = os.getenv("WHOSAID_SERVER")
local seed = os.getenv("WHOSAID_SEED")
if not server or not seed then
  io.stdout:write("FAILED: WHOSAID_SERVER and WHOSAID_SEED must be set\n")
  vim.cmd("cquit! 2")
end
local TIMEOUT_MS = 20000

local here = debug.getinfo(1, "S").source:sub(2):match("(.*)/[^/]*$")
local report = dofile(here .. "/report.lua")
local log, check = report.log, report.check

local ok, err = pcall(function()
  -- A copy of the seed under a .txt name in a scratch folder.
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, "p")
  local path = dir .. "/article.txt"
  vim.fn.writefile(vim.fn.readfile(seed), path)
  vim.cmd("edit " .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  check(vim.bo[bufnr].filetype == "text", "the buffer's filetype is text (" .. vim.bo[bufnr].filetype .. ")")

  local diagnosed = false
  local publish = vim.lsp.handlers["textDocument/publishDiagnostics"]
  vim.lsp.handlers["textDocument/publishDiagnostics"] = function(e, result, ctx, config)
    diagnosed = true
    return publish(e, result, ctx, config)
  end

  local id = vim.lsp.start({ name = "whosaid", cmd = { server }, root_dir = dir })
  check(id ~= nil, "vim.lsp.start started a client")
  check(
    vim.wait(TIMEOUT_MS, function()
      return diagnosed
    end, 50),
    "diagnostics were published for the .txt file"
  )

  -- Hover inside the quote on the line that names Pat Ryder's quote ("…," Ryder said).
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local row, col
  for i, line in ipairs(lines) do
    local at = line:find("\226\128\156") -- the first opening curly quote
    if at and line:find("Ryder") then
      row, col = i - 1, at + 3
      break
    end
  end
  check(row ~= nil, "found a quote by Ryder in the seed")
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = row or 0, character = col or 0 },
  }
  local replies = vim.lsp.buf_request_sync(bufnr, "textDocument/hover", params, TIMEOUT_MS) or {}
  local shown = ""
  for _, reply in pairs(replies) do
    local contents = reply.result and reply.result.contents
    if type(contents) == "table" then
      shown = contents.value or ""
    end
  end
  log("hover: " .. shown:gsub("\n", " | "))
  check(shown:find("Pat Ryder", 1, true) ~= nil, "the hover names Pat Ryder")

  local symbols = vim.lsp.buf_request_sync(bufnr, "textDocument/documentSymbol", {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  }, TIMEOUT_MS) or {}
  local names = {}
  for _, reply in pairs(symbols) do
    for _, s in ipairs(reply.result or {}) do
      table.insert(names, s.name)
    end
  end
  log("outline: " .. table.concat(names, ", "))
  check(vim.tbl_contains(names, "Pat Ryder"), "the outline lists Pat Ryder")

  -- A document with findings, started the same way: its unattributed quote and vague
  -- source arrive as diagnostics.
  local findings = os.getenv("WHOSAID_FINDINGS")
  if findings then
    local doc_path = dir .. "/findings.txt"
    vim.fn.writefile(vim.fn.readfile(findings), doc_path)
    vim.cmd("edit " .. vim.fn.fnameescape(doc_path))
    local doc = vim.api.nvim_get_current_buf()
    vim.lsp.start({ name = "whosaid", cmd = { server }, root_dir = dir })
    vim.wait(TIMEOUT_MS, function()
      return #vim.diagnostic.get(doc) >= 2
    end, 50)
    local messages = {}
    for _, d in ipairs(vim.diagnostic.get(doc)) do
      table.insert(messages, (d.lnum + 1) .. ": " .. d.message)
    end
    table.sort(messages)
    log("diagnostics: " .. table.concat(messages, " | "))
    check(vim.tbl_contains(messages, "1: Quote has no speaker: say who said it"), "the unattributed quote is a diagnostic")
    check(vim.tbl_contains(messages, "3: Vague source “Critics”: name who says so"), "the vague source is a diagnostic")
  end
end)
if not ok then
  check(false, "error: " .. tostring(err))
end

report.finish("bare neovim")

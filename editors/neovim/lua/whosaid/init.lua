-- Thin client for the whosaid language server: where the binary is, which
-- buffers it attaches to, and the settings it gets. No attribution logic here.
local M = {}

-- The server's settings (editors/README.md#settings). severity is an empty dict
-- so that it is sent as a JSON object, never as an empty array.
M.defaults = {
  mode = "auto",
  severity = vim.empty_dict(),
  cueVerbs = {},
  vaguePhrases = {},
  ignore = {},
  minQuoteWords = 4,
  inlayHints = false,
  codeLens = true,
  languages = { "plaintext", "markdown" },
}

-- Client-only: the binary to run; "whosaid" means the one on PATH.
M.default_server_path = "whosaid"

M.configured = false

-- LSP language ids (the settings' vocabulary) and Neovim filetypes differ for plain text.
local filetype_of = { plaintext = "text" }
local language_id_of = { text = "plaintext" }

local function filetypes(languages)
  local fts = {}
  for _, language in ipairs(languages) do
    table.insert(fts, filetype_of[language] or language)
  end
  return fts
end

-- The nearest folder above the buffer holding .git, else the buffer's folder.
local function root_dir(bufnr)
  local file = vim.api.nvim_buf_get_name(bufnr)
  local start = file ~= "" and vim.fn.fnamemodify(file, ":p:h") or vim.fn.getcwd()
  local git = vim.fn.finddir(".git", start .. ";")
  if git ~= "" then
    return vim.fn.fnamemodify(git, ":p:h:h")
  end
  return start
end

-- The config table shared by vim.lsp.config (0.11+) and vim.lsp.start (older).
function M.lsp_config(settings, server_path)
  return {
    cmd = { server_path or M.default_server_path },
    filetypes = filetypes(settings.languages),
    root_markers = { ".git" },
    init_options = settings,
    settings = { whosaid = settings },
    get_language_id = function(_, filetype)
      return language_id_of[filetype] or filetype
    end,
  }
end

-- Says which path was tried and which setting to change when the server is missing.
local function check_server(path)
  if vim.fn.executable(path) == 1 then
    return true
  end
  vim.notify(
    ("whosaid: cannot run the language server %q. Install it with `cargo install --path .` "
      .. "from the whosaid repository, or pass serverPath to require(\"whosaid\").setup()."):format(path),
    vim.log.levels.ERROR
  )
  return false
end

-- opts: any of the settings above, plus serverPath.
function M.setup(opts)
  opts = opts or {}
  M.configured = true
  local server_path = opts.serverPath or M.default_server_path
  local settings = vim.tbl_deep_extend("force", vim.deepcopy(M.defaults), opts)
  settings.serverPath = nil
  if not check_server(server_path) then
    return false
  end
  local config = M.lsp_config(settings, server_path)

  if vim.lsp.config and vim.lsp.enable then
    vim.lsp.config("whosaid", config)
    vim.lsp.enable("whosaid")
    return true
  end

  -- Neovim before 0.11: start (or reuse) a client when a matching buffer opens.
  config.name = "whosaid"
  local clients_by_root = {} -- for 0.7, which has no vim.lsp.start
  vim.api.nvim_create_autocmd("FileType", {
    group = vim.api.nvim_create_augroup("whosaid", { clear = true }),
    pattern = config.filetypes,
    callback = function(event)
      local root = root_dir(event.buf)
      local buffer_config = vim.tbl_extend("force", config, { root_dir = root })
      if vim.lsp.start then
        vim.lsp.start(buffer_config)
        return
      end
      local id = clients_by_root[root]
      if not id or vim.lsp.client_is_stopped(id) then
        id = vim.lsp.start_client(buffer_config)
        clients_by_root[root] = id
      end
      if id then
        vim.lsp.buf_attach_client(event.buf, id)
      end
    end,
  })
  return true
end

return M

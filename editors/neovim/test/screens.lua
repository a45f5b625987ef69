-- Neovim with the plugin in a real terminal (tmux), for the pictures screenshots.py takes.
-- It sets the scene and defines the steps that script calls; each step writes its name to
-- WHOSAID_SHOT_MARK when the screen shows it.
local here = debug.getinfo(1, "S").source:sub(2):match("(.*)/test/[^/]*$")
vim.opt.runtimepath:prepend(here)
vim.cmd("filetype on")
vim.cmd("syntax on")
vim.o.termguicolors = true
vim.o.wrap = true
vim.o.linebreak = true
vim.o.number = true
vim.o.signcolumn = "yes"
vim.o.laststatus = 2
vim.o.shortmess = vim.o.shortmess .. "I"
vim.diagnostic.config({ virtual_text = true, signs = true, underline = true })

local mark = os.getenv("WHOSAID_SHOT_MARK")
local function done(name)
  vim.api.nvim_echo({ { "" } }, false, {}) -- the command that asked for the step
  vim.cmd("redraw")
  local f = io.open(mark, "w")
  f:write(name)
  f:close()
end

require("whosaid").setup({ serverPath = os.getenv("WHOSAID_SERVER") })
vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("WHOSAID_SEED")))

local function client_of(buf)
  for _, c in ipairs(vim.lsp.get_clients({ bufnr = buf })) do
    if c.name == "whosaid" then
      return c
    end
  end
end

-- Ready once the server has attached and answered a hover.
local function when_ready(then_)
  local tries = 0
  local function poll()
    tries = tries + 1
    local c = client_of(0)
    if c and c.initialized then
      return then_()
    end
    if tries < 200 then
      vim.defer_fn(poll, 100)
    end
  end
  poll()
end

local function cursor_on(needle, offset)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
    local at = line:find(needle, 1, true)
    if at then
      vim.api.nvim_win_set_cursor(0, { i, at - 1 + offset })
      return
    end
  end
end

function WhosaidShotHover()
  cursor_on("reinforced the unquestionable necessity", 3)
  vim.cmd("normal! zz")
  vim.lsp.buf.hover()
  vim.defer_fn(function()
    done("hover")
  end, 1500)
end

function WhosaidShotOutline()
  vim.cmd("silent! only")
  vim.lsp.buf.document_symbol({
    on_list = function(list)
      vim.fn.setloclist(0, {}, " ", { title = list.title, items = list.items })
      vim.cmd("lopen 14")
      vim.defer_fn(function()
        done("outline")
      end, 800)
    end,
  })
end

function WhosaidShotDiagnostics()
  vim.cmd("silent! only")
  vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("WHOSAID_FINDINGS")))
  local tries = 0
  local function poll()
    tries = tries + 1
    if #vim.diagnostic.get(0) >= 2 or tries > 100 then
      vim.diagnostic.setloclist({ open = true })
      vim.cmd("wincmd p")
      vim.defer_fn(function()
        done("diagnostics")
      end, 800)
      return
    end
    vim.defer_fn(poll, 100)
  end
  poll()
end

when_ready(function()
  vim.defer_fn(function()
    done("ready")
  end, 500)
end)
